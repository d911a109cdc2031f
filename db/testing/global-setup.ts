// Prepares one migrated template database per run; each test file then gets its own copy:
// PGlite — a dumpDataDir() archive loaded in memory (about 1 s instead of initdb's 4–11 s);
// PostgreSQL (TEST_DATABASE_URL) — CREATE DATABASE … TEMPLATE, dropped when the file ends.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/open-database";
import { databaseUrlFor, type TestDatabaseTarget } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseTarget;
  }
}

export const TEMPLATE_DATABASE = "genuine_test_template";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
      await admin.unsafe(`create database ${TEMPLATE_DATABASE}`);
    } finally {
      await admin.end();
    }
    const template = await openDatabase({ url: databaseUrlFor(serverUrl, TEMPLATE_DATABASE), driver: "postgres" });
    await template.migrate();
    await template.close();
    project.provide("testDatabase", { kind: "postgres", serverUrl, template: TEMPLATE_DATABASE });
    return;
  }

  const folder = await mkdtemp(path.join(os.tmpdir(), "genuine-test-"));
  const handle = await openDatabase({ driver: "pglite" });
  await handle.migrate();
  const { client } = handle as typeof handle & { client: { dumpDataDir(c: "none"): Promise<Blob> } };
  const archive = path.join(folder, "template.tar");
  await writeFile(archive, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  await handle.close();
  project.provide("testDatabase", { kind: "pglite", archive });
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
