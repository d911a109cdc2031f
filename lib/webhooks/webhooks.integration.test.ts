// Webhooks against a real HTTP receiver on loopback, on both databases: signed deliveries, retries
// with backoff, timeouts, subscriptions, tenant scoping, and nothing announced for a rolled-back write.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { enqueueWebhookEvent, listRecentDeliveries } from "@/db/queries/webhooks";
import { createOrganisation } from "@/db/queries/organisations";
import { webhookDeliveries } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { deliverDueWebhooks } from "./deliver";
import { registerWebhook } from "./register-webhook";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./signature";

const APP_SECRET = "webhook-test-secret-0123456789abcdefghijklmnop";
let database: TestDatabase;
let server: http.Server;
let baseUrl: string;
let behaviour: "ok" | "fail" | "slow" = "ok";
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let orgA: string;
let orgB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  orgA = (await createOrganisation(database.db, { slug: "hooks-a", name: "A", kind: "brand" })).id;
  orgB = (await createOrganisation(database.db, { slug: "hooks-b", name: "B", kind: "brand" })).id;
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (c) => (body += c));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      if (behaviour === "slow") setTimeout(() => response.end("late"), 1_000);
      else response.writeHead(behaviour === "ok" ? 204 : 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

beforeEach(async () => {
  received.length = 0;
  behaviour = "ok";
  await database.db.delete(webhookDeliveries);
});

const register = (organisationId: string, events: string[]) =>
  registerWebhook(database.db, APP_SECRET, { organisationId, url: `${baseUrl}/hook`, events }, { allowInsecure: true });

describe("webhooks", () => {
  it("delivers a signed event the receiver can verify, once", async () => {
    const { signingSecret } = await register(orgA, ["recall.published"]);
    await database.db.transaction((tx) => enqueueWebhookEvent(tx, orgA, "recall.published", { recallId: "r-1" }));
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET })).toEqual({ delivered: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: "recall.published", data: { recallId: "r-1" } });
    expect(verifyWebhookSignature(signingSecret, delivery!.body, delivery!.headers[SIGNATURE_HEADER] as string)).toBe(true);
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET })).toEqual({ delivered: 0, failed: 0 });
    const [logged] = await listRecentDeliveries(database.db, orgA);
    expect(logged).toMatchObject({ status: "delivered", attempts: 1, lastStatusCode: 204 });
  });

  it("retries a failing receiver later, with growing delays", async () => {
    await register(orgA, ["capture.completed"]);
    await enqueueWebhookEvent(database.db, orgA, "capture.completed", { jobId: "j" });
    behaviour = "fail";
    // A second ahead: the queue's default is the database's now(), in microseconds, which can be a
    // fraction of a millisecond after a JavaScript Date taken at the same moment.
    const t0 = new Date(Date.now() + 1000);
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET, now: () => t0 })).toEqual({ delivered: 0, failed: 1 });
    const [first] = await database.db.select().from(webhookDeliveries);
    expect(first).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(first!.nextAttemptAt.getTime() - t0.getTime()).toBeGreaterThanOrEqual(24_000);
    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET, now: () => t0 })).toEqual({ delivered: 0, failed: 0 });
    behaviour = "ok";
    const later = new Date(t0.getTime() + 120_000);
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET, now: () => later })).toEqual({ delivered: 1, failed: 0 });
    const [done] = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, first!.id));
    expect(done).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("gives up on a receiver that does not answer in time", async () => {
    await register(orgA, ["unit.status_changed"]);
    await enqueueWebhookEvent(database.db, orgA, "unit.status_changed", { serial: "X" });
    behaviour = "slow";
    const started = Date.now();
    expect(await deliverDueWebhooks(database.db, { appSecret: APP_SECRET, timeoutMs: 200 })).toEqual({ delivered: 0, failed: 1 });
    expect(Date.now() - started).toBeLessThan(900);
    const [row] = await database.db.select().from(webhookDeliveries);
    expect(row!.lastError).toBe("timed out");
  });

  it("sends only subscribed events, only to the event's own organisation, and nothing for a rolled-back write", async () => {
    await register(orgB, ["case.opened"]);
    expect(await enqueueWebhookEvent(database.db, orgA, "case.opened", {})).toBe(0);
    expect(await enqueueWebhookEvent(database.db, orgB, "recall.published", {})).toBe(0);
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueWebhookEvent(tx, orgB, "case.opened", { caseId: "c" });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await database.db.select().from(webhookDeliveries)).toEqual([]);
  });

  it("refuses endpoints that are not https unless insecure endpoints are allowed", async () => {
    await expect(
      registerWebhook(database.db, APP_SECRET, { organisationId: orgA, url: `${baseUrl}/hook`, events: ["case.opened"] }, { allowInsecure: false }),
    ).rejects.toThrow(/must be https/);
    await expect(register(orgA, ["no.such.event"])).rejects.toThrow(/Unknown event/);
  });
});
