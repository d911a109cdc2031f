// Alert rule queries on a real database: every read and write is scoped to the brand, and the
// outbox claim hands one notification to one worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { alertNotifications } from "../schema";
import {
  claimDueNotifications,
  createAlertRule,
  deleteAlertRule,
  findUsableWebhook,
  listActiveAlertRules,
  listAlertRules,
  updateAlertRule,
  type AlertRuleFields,
} from "./alerts";
import { createOrganisation } from "./organisations";
import { createWebhook, disableWebhook } from "./webhooks";

let database: TestDatabase;
let brand: string;
let other: string;

const fields = (over: Partial<AlertRuleFields> = {}): AlertRuleFields & { createdBy: null } => ({
  name: "Clones",
  events: ["case.opened"],
  minSeverity: "high",
  ruleCodes: ["distinct_scanners"],
  emails: ["a@brand.example"],
  webhookId: null,
  active: true,
  createdBy: null,
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  brand = (await createOrganisation(database.db, { slug: "alert-queries-a", name: "A", kind: "brand" })).id;
  other = (await createOrganisation(database.db, { slug: "alert-queries-b", name: "B", kind: "brand" })).id;
});

afterAll(async () => {
  await database?.drop();
});

describe("alert rule queries", () => {
  it("create, list, update, switch off and delete — only within the brand", async () => {
    const rule = await createAlertRule(database.db, brand, fields());
    expect(await listAlertRules(database.db, other)).toEqual([]);
    const [listed] = await listAlertRules(database.db, brand);
    expect(listed).toMatchObject({ id: rule.id, name: "Clones", events: ["case.opened"], minSeverity: "high", ruleCodes: ["distinct_scanners"], webhookUrl: null, webhookUsable: false });

    expect(await updateAlertRule(database.db, other, rule.id, { name: "Hijacked" })).toBe(false);
    expect(await deleteAlertRule(database.db, other, rule.id)).toBeNull();
    expect(await updateAlertRule(database.db, brand, rule.id, { name: "Renamed", events: ["case.opened", "case.status_changed"] })).toBe(true);

    expect((await listActiveAlertRules(database.db, brand, "case.status_changed")).map((r) => r.name)).toEqual(["Renamed"]);
    expect(await listActiveAlertRules(database.db, other, "case.status_changed")).toEqual([]);
    expect(await updateAlertRule(database.db, brand, rule.id, { active: false })).toBe(true);
    expect(await listActiveAlertRules(database.db, brand, "case.opened")).toEqual([]);

    expect(await deleteAlertRule(database.db, brand, rule.id)).toEqual({ id: rule.id, name: "Renamed" });
    expect(await listAlertRules(database.db, brand)).toEqual([]);
  });

  it("offers a rule only the brand's own registered webhooks", async () => {
    const own = await createWebhook(database.db, { id: "00000000-0000-4000-8000-0000000000a1", organisationId: brand, url: "https://hooks.example/a", events: ["case.opened"], secretEncrypted: "x" });
    const foreign = await createWebhook(database.db, { id: "00000000-0000-4000-8000-0000000000b1", organisationId: other, url: "https://hooks.example/b", events: ["case.opened"], secretEncrypted: "x" });
    expect(await findUsableWebhook(database.db, brand, own.id)).toEqual({ id: own.id, url: "https://hooks.example/a" });
    expect(await findUsableWebhook(database.db, brand, foreign.id)).toBeNull();
    const rule = await createAlertRule(database.db, brand, fields({ webhookId: own.id }));
    expect((await listAlertRules(database.db, brand)).find((r) => r.id === rule.id)).toMatchObject({ webhookUrl: "https://hooks.example/a", webhookUsable: true });
    await disableWebhook(database.db, brand, own.id);
    expect(await findUsableWebhook(database.db, brand, own.id)).toBeNull();
    expect((await listAlertRules(database.db, brand)).find((r) => r.id === rule.id)).toMatchObject({ webhookUsable: false });
  });

  it("claims a due notification for one worker at a time, oldest first", async () => {
    await database.db.insert(alertNotifications).values(
      ["first@x.example", "second@x.example"].map((recipient) => ({ organisationId: brand, event: "case.opened", recipient, subject: "s", body: "b" })),
    );
    const soon = new Date(Date.now() + 1000);
    const [a, b] = await Promise.all([claimDueNotifications(database.db, soon, 1), claimDueNotifications(database.db, soon, 1)]);
    const claimed = [...a!, ...b!].map((n) => n.recipient).sort();
    expect(claimed).toEqual(["first@x.example", "second@x.example"]);
    // Leased: nothing more is due until the lease runs out.
    expect(await claimDueNotifications(database.db, soon, 10)).toEqual([]);
    expect((await claimDueNotifications(database.db, new Date(soon.getTime() + 121_000), 10)).map((n) => n.recipient)).toEqual(["first@x.example", "second@x.example"]);
  });
});
