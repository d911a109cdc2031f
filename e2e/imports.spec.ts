import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/sign-in";

test("an owner imports units from CSV, watches the progress and sees the row that failed", async ({ page }) => {
  await signInWithPassword(page, "owner@maison-aurele.example", undefined, "/console/maison-aurele/imports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Imports");
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Imports" })).toBeVisible();

  const run = Date.now() % 1_000_000;
  const csv = [
    "gtin;serial;lot;expiry;status;market",
    `09521234003038;E2E${run}A;L${run};2030-12-31;commissioned;`,
    `09521234003038;E2E${run}B;L${run};2030-12-31;teleported;`,
    `09521234003038;E2E${run}C;L${run};2030-12-31;shipped;FR`,
  ].join("\r\n");
  const form = page.getByRole("form", { name: "Import units" });
  await form.getByLabel("CSV file").setInputFiles({ name: "e2e-units.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await form.getByRole("button", { name: "Import" }).click();

  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByRole("status")).toContainText("Import finished: 2 imported · 0 already imported · 1 failed");
  const errors = page.getByRole("region", { name: "Rows with errors" });
  await expect(errors.getByRole("row").nth(1)).toContainText("3");
  await expect(errors.getByRole("row").nth(1)).toContainText("status");
  await expect(errors.getByRole("row").nth(1)).toContainText("teleported");
  await expect(errors.getByRole("link", { name: "Download the error report (CSV)" })).toBeVisible();

  // The list of recent imports shows the file once the job has finished.
  await expect(page.getByRole("table").last()).toContainText("e2e-units.csv");
  await page.screenshot({ path: "test-results/screenshots/console-imports.png", fullPage: true });
});
