import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/sign-in";

// Issue 8's triage, end to end: an analyst finds the seeded clone case (the showcase handbag, whose code
// was copied and scanned on several continents) through the queue's filters, looks at the evidence map,
// takes the case up, blacklists the serial — and the next consumer scan of that serial answers
// counterfeit. No other spec scans this serial, so its verdicts here are this spec's alone.
const GTIN = "09521234001010";
const LOT = "LN2406";
const SERIAL = "LN8Q4Z7T2V";

test("an analyst triages a clone case from the queue to a blacklisted serial", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInWithPassword(page, "analyst@maison-aurele.example", undefined, "/console/maison-aurele/cases");
  await page.goto("/console/maison-aurele/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cases");

  // Narrow the queue: open cases of the handbag's lot in which impossible travel fired.
  const filters = page.getByRole("search", { name: "Filter cases" });
  await filters.getByRole("combobox", { name: /^Product/ }).selectOption(GTIN);
  await filters.getByRole("textbox", { name: "Lot", exact: true }).fill(LOT);
  await filters.locator("summary", { hasText: "Rules that fired" }).click();
  await filters.locator('input[name="rule"][value="impossible_travel"]').check();
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/rule=impossible_travel/);
  await expect(page).toHaveURL(new RegExp(`lot=${LOT}`));
  const caseLink = page.getByRole("link", { name: new RegExp(`^Case #\\d+, serial ${SERIAL}$`) });
  await expect(caseLink).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Cases by status" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/cases-queue.png", fullPage: true });

  // Searching by the pasted Digital Link finds the same case.
  await page.goto("/console/maison-aurele/cases");
  await page.getByRole("search", { name: "Filter cases" }).getByRole("searchbox", { name: /^Search/ }).or(page.getByRole("search", { name: "Filter cases" }).getByRole("textbox", { name: /^Search/ })).fill(`https://id.maison-aurele.example/01/${GTIN}/10/${LOT}/21/${SERIAL}`);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`serial ${SERIAL}$`) })).toHaveCount(1);
  await page.getByRole("link", { name: new RegExp(`serial ${SERIAL}$`) }).click();

  // The case page: the rules with their evidence, and the offline map with the path in time order.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Case #");
  await expect(page.getByRole("region", { name: "Rules that fired" })).toContainText(/impossible travel/i);
  const map = page.getByRole("region", { name: "Where it was scanned" }).locator('svg[role="img"]');
  await expect(map).toBeVisible();
  expect(await map.locator("[data-stop]").count()).toBeGreaterThan(2);
  expect(await map.locator("[data-hop]").count()).toBeGreaterThan(1);
  await map.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/case-page.png", fullPage: true });
  await map.screenshot({ path: "test-results/screenshots/case-map.png" });

  // Take the case up, then blacklist the serial.
  const status = page.getByRole("form", { name: /^Change the status of case #\d+$/ });
  await status.getByLabel(/New status/).selectOption("investigating");
  await status.getByLabel(/Note/).fill("Clone pattern across three continents; taking it.");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toBeVisible();
  const blacklist = page.getByRole("form", { name: /^Blacklist the serial of case #\d+$/ });
  await blacklist.getByLabel(/Reason/).fill("Confirmed copies sold online.");
  await blacklist.getByRole("button", { name: "Blacklist serial" }).click();
  // The page re-renders with the blacklisting in place of the form.
  await expect(page.getByRole("note")).toContainText("Serial blacklisted");
  await page.reload();
  await expect(page.getByRole("note")).toContainText("Confirmed copies sold online.");
  await expect(page.getByRole("region", { name: "Activity" })).toContainText(/investigating/i);
  await expect(page.getByRole("region", { name: "Activity" })).toContainText(/blacklist/i);

  // The evidence pack downloads as JSON with the case and its scans.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export evidence pack (JSON)" }).click()]);
  const pack = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")) as { case: { serial: string }; scans: { included: number; items: unknown[] } };
  expect(pack.case.serial).toBe(SERIAL);
  expect(pack.scans.items.length).toBeGreaterThan(2);
  expect(pack.scans.included).toBe(pack.scans.items.length);

  // The next consumer scan of that serial answers counterfeit.
  const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, locale: "en-GB" });
  const consumer = await phone.newPage();
  await consumer.goto(`/01/${GTIN}/10/${LOT}/21/${SERIAL}`);
  await expect(consumer).toHaveURL(/\/verify\//);
  await expect(consumer.getByRole("status", { name: "Result of the check" })).toContainText("Not genuine");
  await consumer.screenshot({ path: "test-results/screenshots/verdict-blacklisted-360.png", fullPage: true });
  await phone.close();
});

test("the insights page shows the brand's scans and suspicious sources", async ({ page }) => {
  await signInWithPassword(page, "analyst@medivia.example", undefined, "/console/medivia/insights");
  await page.goto("/console/medivia/insights?range=90d");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Insights");
  // The seeded field data: Cardiolex's clones and the source that probed its serials 40 times.
  await expect(page.getByRole("region", { name: "Scans per day" }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Top suspicious products" })).toContainText("Cardiolex");
  await expect(page.getByRole("region", { name: "Probing sources" }).getByRole("row").filter({ hasText: "40" })).not.toHaveCount(0);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download scans as CSV/ }).click()]);
  const lines = (await (await import("node:fs/promises")).readFile((await csv.path())!, "utf8")).trim().split(/\r?\n/);
  expect(lines[0]).toContain("scanned_at");
  expect(lines.length).toBeGreaterThan(100);
  await page.screenshot({ path: "test-results/screenshots/insights.png", fullPage: true });
});

test("editors and retailers do not see the cases", async ({ page }) => {
  await signInWithPassword(page, "editor@medivia.example", undefined, "/console/medivia");
  const response = await page.goto("/console/medivia/cases");
  expect(response?.status()).toBe(403);
  await page.goto("/console/medivia");
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Cases" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Insights" })).toHaveCount(0);
});

test("an alert rule e-mails about a status change, held in the outbox without SMTP", async ({ page }) => {
  await signInWithPassword(page, "owner@medivia.example", undefined, "/console/medivia/alerts");
  await page.goto("/console/medivia/alerts");
  const form = page.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("Name").fill("Status changes to security");
  await form.getByLabel("A case opens").uncheck();
  await form.getByLabel("A case changes status").check();
  await form.getByRole("combobox", { name: /Minimum severity/ }).selectOption("low");
  await form.getByRole("textbox", { name: /E-mail recipients/ }).fill("security@medivia.example");
  await form.getByRole("button", { name: "Create rule" }).click();
  await expect(form.getByRole("status")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: /^Rules/ })).toContainText("Status changes to security");

  // Take up Medivia's riskiest open case: the rule queues an e-mail in the same transaction.
  await page.goto("/console/medivia/cases?status=open");
  await page.getByRole("link", { name: /^Case #\d+/ }).first().click();
  const status = page.getByRole("form", { name: /^Change the status of case #\d+$/ });
  await status.getByLabel(/New status/).selectOption("investigating");
  await status.getByRole("button", { name: "Change status" }).click();
  await expect(status.getByRole("status")).toBeVisible();

  await page.goto("/console/medivia/alerts");
  const mails = page.getByRole("region", { name: "Recent alert e-mails" });
  await expect(mails).toContainText("security@medivia.example");
  await expect(mails).toContainText("Waiting for a mail server");
  await page.screenshot({ path: "test-results/screenshots/alerts.png", fullPage: true });
});
