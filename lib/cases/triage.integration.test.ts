// Triage on a real database: status changes (allowed, refused, reopened), assignment, comments and
// blacklisting — each one transaction with its activity entries, alerts and webhook deliveries, and
// never touching another brand's cases.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "@/db/database";
import { findCase, listCaseActivities } from "@/db/queries/cases";
import { addMembership } from "@/db/queries/memberships";
import { createOrganisation } from "@/db/queries/organisations";
import { createUser } from "@/db/queries/users";
import { createWebhook } from "@/db/queries/webhooks";
import { alertRules, blacklistEntries, cases, products, units, type CaseStatus } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { AppError } from "@/lib/http/problem";
import { assignCases, blacklistCaseSerial, changeCaseStatus, commentOnCase, describeStatusChange } from "./triage";

const G = "09506000134352";
let database: TestDatabase;
let brand: string;
let other: string;
let productId: string;
let analyst: string;
let owner: string;
let editor: string;
let stranger: string;
let unitSeq = 0;
let caseSeq = 0;

async function openCase(fields: { organisationId?: string; status?: CaseStatus; serial?: string | null; withUnit?: boolean; unitId?: number } = {}) {
  const organisationId = fields.organisationId ?? brand;
  const serial = fields.serial === undefined ? `S${++unitSeq}` : fields.serial;
  let unitId: number | null = fields.unitId ?? null;
  if (unitId === null && fields.withUnit !== false && serial !== null && organisationId === brand) {
    const [u] = await database.db.insert(units).values({ organisationId, productId, gtin: G, serial, lot: "L1", status: "sellable" }).returning({ id: units.id });
    unitId = u!.id;
  }
  const status = fields.status ?? "open";
  const [row] = await database.db
    .insert(cases)
    .values({
      organisationId,
      number: ++caseSeq,
      unitId,
      productId: organisationId === brand ? productId : null,
      gtin: G,
      serial,
      lot: "L1",
      status,
      severity: "high",
      risk: 80,
      rules: ["impossible_travel"],
      countries: ["FR", "AU"],
      firstSeenAt: new Date("2026-03-01T10:00:00Z"),
      lastSeenAt: new Date("2026-03-01T11:00:00Z"),
      closedAt: ["open", "investigating"].includes(status) ? null : new Date("2026-03-02T00:00:00Z"),
    })
    .returning();
  return row!;
}

async function count(query: ReturnType<typeof sql>) {
  const [row] = await selectRows<{ n: number }>(database.db, query);
  return Number(row!.n);
}

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "triage-brand", name: "Brand", kind: "brand" })).id;
  other = (await createOrganisation(database.db, { slug: "triage-other", name: "Other", kind: "brand" })).id;
  const [product] = await database.db.insert(products).values({ organisationId: brand, gtin: G, name: { en: "P" }, brandName: "B", category: "luxury" }).returning({ id: products.id });
  productId = product!.id;
  analyst = (await createUser(database.db, { email: "analyst@triage.example", name: "Ana Lyst" })).id;
  owner = (await createUser(database.db, { email: "owner@triage.example" })).id;
  editor = (await createUser(database.db, { email: "editor@triage.example" })).id;
  stranger = (await createUser(database.db, { email: "stranger@triage.example" })).id;
  await addMembership(database.db, brand, analyst, "analyst");
  await addMembership(database.db, brand, owner, "owner");
  await addMembership(database.db, brand, editor, "editor");
  await addMembership(database.db, other, stranger, "analyst");
  await createWebhook(database.db, { id: "00000000-0000-4000-8000-0000000000aa", organisationId: brand, url: "https://hooks.example/status", events: ["case.status_changed"], secretEncrypted: "unused" });
  await createWebhook(database.db, { id: "00000000-0000-4000-8000-0000000000bb", organisationId: brand, url: "https://hooks.example/opened", events: ["case.opened"], secretEncrypted: "unused" });
  await database.db.insert(alertRules).values({ organisationId: brand, name: "Decisions", events: ["case.status_changed"], minSeverity: "high", emails: ["desk@triage.example"] });
});

afterAll(async () => {
  await database?.drop();
});

describe("changeCaseStatus", () => {
  it("moves a case, records who and why, closes it, and tells the subscribed webhook and the alert rule", async () => {
    const c = await openCase();
    const result = await changeCaseStatus(database.db, { organisationId: brand, caseIds: [c.id], toStatus: "confirmed_counterfeit", actorUserId: analyst, note: "  seized in Lyon  " });
    expect(result).toEqual({ changed: [c.id], refused: [] });
    const row = (await findCase(database.db, brand, c.id))!;
    expect(row.status).toBe("confirmed_counterfeit");
    expect(row.closedAt).toBeInstanceOf(Date);
    const [activity] = await listCaseActivities(database.db, brand, c.id);
    expect(activity).toMatchObject({ kind: "status_changed", fromStatus: "open", toStatus: "confirmed_counterfeit", body: "seized in Lyon", actorUserId: analyst });
    const deliveries = await selectRows<{ webhook_id: string; payload: Record<string, unknown> }>(
      database.db,
      sql`select webhook_id, payload from webhook_deliveries where event = 'case.status_changed' and payload->>'caseId' = ${c.id} and not payload ? 'alertRule'`,
    );
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.webhook_id).toBe("00000000-0000-4000-8000-0000000000aa");
    expect(deliveries[0]!.payload).toMatchObject({ number: c.number, fromStatus: "open", toStatus: "confirmed_counterfeit", note: "seized in Lyon", serial: c.serial });
    expect(await count(sql`select count(*) as n from alert_notifications where case_id = ${c.id} and event = 'case.status_changed'`)).toBe(1);
  });

  it("moves what may move and refuses the rest with a reason: same status, a decision changed without reopening, another brand's case, a malformed id", async () => {
    const open = await openCase();
    const investigating = await openCase({ status: "investigating" });
    const dismissed = await openCase({ status: "dismissed" });
    const foreign = await openCase({ organisationId: other });
    const result = await changeCaseStatus(database.db, {
      organisationId: brand,
      caseIds: [open.id, investigating.id, dismissed.id, foreign.id, "not-a-uuid", open.id],
      toStatus: "investigating",
      actorUserId: analyst,
    });
    expect(result.changed).toEqual(expect.arrayContaining([open.id, dismissed.id]));
    expect(result.changed).toHaveLength(2);
    expect(result.refused).toEqual(
      expect.arrayContaining([
        { caseId: investigating.id, reason: "already investigating", number: investigating.number },
        { caseId: foreign.id, reason: "not found", number: null },
        { caseId: "not-a-uuid", reason: "not found", number: null },
      ]),
    );
    expect(result.refused).toHaveLength(3);
    expect((await findCase(database.db, other, foreign.id))!.status).toBe("open");
    expect(await listCaseActivities(database.db, other, foreign.id)).toEqual([]);
    const reopened = (await findCase(database.db, brand, dismissed.id))!;
    expect(reopened).toMatchObject({ status: "investigating", closedAt: null });
    expect(describeStatusChange("investigating", result)).toBe(`2 cases now investigating; 3 not changed (#${investigating.number}: already investigating; 2 not found).`);

    const refusedFlip = await changeCaseStatus(database.db, { organisationId: brand, caseIds: [(await openCase({ status: "resolved" })).id], toStatus: "dismissed", actorUserId: analyst });
    expect(refusedFlip.refused[0]!.reason).toBe("a resolved case can only be reopened (to investigating)");
  });

  it("refuses to reopen a decided case while the unit has a newer active case", async () => {
    const decided = await openCase({ status: "dismissed" });
    const newer = await openCase({ unitId: decided.unitId!, serial: decided.serial });
    const result = await changeCaseStatus(database.db, { organisationId: brand, caseIds: [decided.id], toStatus: "investigating", actorUserId: analyst });
    expect(result).toEqual({ changed: [], refused: [{ caseId: decided.id, reason: `case #${newer.number} is already active for this unit`, number: decided.number }] });
    expect((await findCase(database.db, brand, decided.id))!.status).toBe("dismissed");
  });

  it("refuses to reopen a code's case while another case of the same code is active", async () => {
    const decided = await openCase({ status: "resolved", serial: "INVENTED-1", withUnit: false });
    const newer = await openCase({ serial: "INVENTED-1", withUnit: false });
    const result = await changeCaseStatus(database.db, { organisationId: brand, caseIds: [decided.id], toStatus: "investigating", actorUserId: analyst });
    expect(result.refused).toEqual([{ caseId: decided.id, reason: `case #${newer.number} is already active for this code`, number: decided.number }]);
  });

  it("is one transaction: when the caller's transaction rolls back, no status, activity or delivery remains", async () => {
    const c = await openCase();
    const before = await count(sql`select count(*) as n from webhook_deliveries`);
    await expect(
      database.db.transaction(async (tx) => {
        await changeCaseStatus(tx, { organisationId: brand, caseIds: [c.id], toStatus: "resolved", actorUserId: analyst });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await findCase(database.db, brand, c.id))!.status).toBe("open");
    expect(await listCaseActivities(database.db, brand, c.id)).toEqual([]);
    expect(await count(sql`select count(*) as n from webhook_deliveries`)).toBe(before);
  });

  it("refuses more than a hundred cases at once", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    await expect(changeCaseStatus(database.db, { organisationId: brand, caseIds: ids, toStatus: "dismissed", actorUserId: analyst })).rejects.toBeInstanceOf(AppError);
  });
});

describe("assignCases", () => {
  it("assigns to an analyst or owner of the brand, reports only cases it changed, and logs each", async () => {
    const a = await openCase();
    const b = await openCase();
    const foreign = await openCase({ organisationId: other });
    expect(await assignCases(database.db, { organisationId: brand, caseIds: [a.id, foreign.id], assigneeUserId: analyst, actorUserId: owner })).toEqual({ changed: [a.id] });
    const second = await assignCases(database.db, { organisationId: brand, caseIds: [a.id, b.id], assigneeUserId: analyst, actorUserId: owner });
    expect(second).toEqual({ changed: [b.id] });
    expect((await findCase(database.db, brand, a.id))!.assigneeId).toBe(analyst);
    expect((await findCase(database.db, other, foreign.id))!.assigneeId).toBeNull();
    const activities = await listCaseActivities(database.db, brand, a.id);
    expect(activities).toEqual([expect.objectContaining({ kind: "assigned", body: "Assigned to Ana Lyst (analyst@triage.example)", actorUserId: owner })]);

    expect(await assignCases(database.db, { organisationId: brand, caseIds: [a.id], assigneeUserId: null, actorUserId: owner })).toEqual({ changed: [a.id] });
    expect((await findCase(database.db, brand, a.id))!.assigneeId).toBeNull();
    expect((await listCaseActivities(database.db, brand, a.id)).at(-1)).toMatchObject({ kind: "assigned", body: "Unassigned" });
  });

  it.each([
    ["an editor of the brand", () => editor],
    ["an analyst of another brand", () => stranger],
    ["a malformed id", () => "nobody"],
  ])("refuses %s as assignee", async (_, assignee) => {
    const c = await openCase();
    await expect(assignCases(database.db, { organisationId: brand, caseIds: [c.id], assigneeUserId: assignee(), actorUserId: owner })).rejects.toMatchObject({ code: "bad_request" });
    expect((await findCase(database.db, brand, c.id))!.assigneeId).toBeNull();
  });
});

describe("commentOnCase", () => {
  it("appends the comment to the case's activity", async () => {
    const c = await openCase();
    await commentOnCase(database.db, { organisationId: brand, caseId: c.id, body: " Same batch as #3. ", actorUserId: analyst });
    expect(await listCaseActivities(database.db, brand, c.id)).toEqual([expect.objectContaining({ kind: "comment", body: "Same batch as #3.", actorUserId: analyst })]);
  });

  it("refuses an empty comment, and another brand's case as not found", async () => {
    const c = await openCase();
    const foreign = await openCase({ organisationId: other });
    await expect(commentOnCase(database.db, { organisationId: brand, caseId: c.id, body: "   ", actorUserId: analyst })).rejects.toMatchObject({ code: "bad_request" });
    await expect(commentOnCase(database.db, { organisationId: brand, caseId: foreign.id, body: "hello", actorUserId: analyst })).rejects.toMatchObject({ code: "not_found" });
    expect(await listCaseActivities(database.db, other, foreign.id)).toEqual([]);
  });
});

describe("blacklistCaseSerial", () => {
  beforeEach(async () => {
    await database.db.delete(blacklistEntries);
  });

  it("lists the case's GTIN + serial once: a second call creates nothing and logs nothing", async () => {
    const c = await openCase();
    expect(await blacklistCaseSerial(database.db, { organisationId: brand, caseId: c.id, reason: "confirmed copy", actorUserId: analyst })).toEqual({ created: true });
    expect(await blacklistCaseSerial(database.db, { organisationId: brand, caseId: c.id, reason: "again", actorUserId: analyst })).toEqual({ created: false });
    const entries = await database.db.select().from(blacklistEntries);
    expect(entries).toEqual([expect.objectContaining({ organisationId: brand, gtin: G, serial: c.serial, reason: "confirmed copy", caseId: c.id, createdBy: analyst })]);
    const activities = await listCaseActivities(database.db, brand, c.id);
    expect(activities).toEqual([expect.objectContaining({ kind: "blacklisted", body: `Serial ${c.serial} of GTIN ${G} blacklisted: confirmed copy` })]);
  });

  it("refuses a case without a serial, another brand's case, and an empty reason", async () => {
    const noSerial = await openCase({ serial: null, withUnit: false });
    const foreign = await openCase({ organisationId: other });
    await expect(blacklistCaseSerial(database.db, { organisationId: brand, caseId: noSerial.id, reason: "x", actorUserId: analyst })).rejects.toMatchObject({ code: "conflict" });
    await expect(blacklistCaseSerial(database.db, { organisationId: brand, caseId: foreign.id, reason: "x", actorUserId: analyst })).rejects.toMatchObject({ code: "not_found" });
    await expect(blacklistCaseSerial(database.db, { organisationId: brand, caseId: noSerial.id, reason: " ", actorUserId: analyst })).rejects.toMatchObject({ code: "bad_request" });
    expect(await database.db.select().from(blacklistEntries)).toEqual([]);
  });
});
