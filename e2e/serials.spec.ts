import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/sign-in";

test("an owner issues serials and downloads them as CSV, with progress", async ({ page }) => {
  await signInWithPassword(page, "owner@maison-aurele.example", undefined, "/console/maison-aurele/serials");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Serials");
  const form = page.getByRole("form", { name: "Issue serials" });
  await form.getByLabel("Product").selectOption("09521234003038");
  await form.getByLabel("Lot").fill(`E2E${Date.now() % 100000}`);
  await form.getByLabel("How many").fill("50");
  await form.getByRole("button", { name: "Issue serials" }).click();
  await expect(form.getByRole("status")).toContainText("50 serials issued");

  await page.reload();
  const batch = page.getByRole("listitem").filter({ hasText: "50 units" }).first();
  const download = page.waitForEvent("download");
  await batch.getByRole("button", { name: "CSV" }).click();
  const file = await (await download).path();
  const lines = readFileSync(file!, "utf8").trim().split("\n");
  expect(lines).toHaveLength(51);
  expect(lines[1]).toMatch(/^09521234003038,/);
  await expect(batch.getByRole("progressbar")).toHaveAttribute("value", "50");
  await page.screenshot({ path: "test-results/screenshots/console-serials.png", fullPage: true });
});
