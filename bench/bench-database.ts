// A fresh PostgreSQL database for one benchmark run, dropped afterwards.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import type { DatabaseHandle } from "@/db/database";
import { openDatabase } from "@/db/open-database";

export async function withBenchDatabase<T>(serverUrl: string, run: (handle: DatabaseHandle, url: string) => Promise<T>): Promise<T> {
  const name = `genuine_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), driver: "postgres", poolMax: 2 });
  try {
    return await run(handle, url.toString());
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
