// The Neon serverless driver (WebSocket Pool) against a real PostgreSQL server through a local
// WebSocket proxy: migrations, a transaction that rolls back whole, and health reporting "neon".
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/database";
import { chooseDriver, openDatabase } from "@/db/open-database";
import * as t from "@/db/schema";
import { checkHealth } from "@/lib/health/check-health";
import { startNeonProxy, type NeonProxy } from "@/db/testing/neon-ws-proxy";
import { createTestDatabase, testDatabaseTarget, type TestDatabase } from "@/db/testing/test-database";

const target = testDatabaseTarget();

describe.runIf(target.kind === "postgres")("Neon serverless driver", () => {
  let database: TestDatabase;
  let proxy: NeonProxy;
  let neon: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase();
    proxy = await startNeonProxy();
    neon = await openDatabase({ url: database.url, driver: "neon", neonWsProxy: proxy.address, poolMax: 2 });
  });

  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
    await database?.drop();
  });

  it("is chosen for Neon hosts", () => {
    expect(chooseDriver("postgresql://u:p@ep-cool-name-123456.eu-central-1.aws.neon.tech/neondb?sslmode=require")).toBe("neon");
  });

  it("migrates and reports healthy as neon", async () => {
    await neon.migrate();
    expect(await checkHealth(neon)).toMatchObject({ status: "ok", database: "neon" });
  });

  it("runs interactive transactions: all rows or none", async () => {
    await neon.db.transaction(async (tx) => {
      await tx.insert(t.organisations).values({ slug: "neon-brand", name: "Neon Brand", kind: "brand" });
    });
    await expect(
      neon.db.transaction(async (tx) => {
        await tx.insert(t.organisations).values({ slug: "half-written", name: "Half", kind: "brand" });
        await tx.insert(t.organisations).values({ slug: "neon-brand", name: "Duplicate", kind: "brand" });
      }),
    ).rejects.toThrow();
    const [half] = await neon.db.select({ n: count() }).from(t.organisations).where(eq(t.organisations.slug, "half-written"));
    expect(half!.n).toBe(0);
    // And the row written through Neon is visible to the ordinary driver: one database.
    const [row] = await database.db.select().from(t.organisations).where(eq(t.organisations.slug, "neon-brand"));
    expect(row?.name).toBe("Neon Brand");
  });
});
