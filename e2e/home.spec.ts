import { expect, test } from "@playwright/test";

test.describe("home page", () => {
  test("explains genuine and lists demo scans", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Is it genuine?");
    const demoLinks = page.getByRole("list", { name: "Demo scan links" }).getByRole("link");
    await expect(demoLinks).toHaveCount(9);
    await expect(demoLinks.first()).toHaveAttribute("href", /^\/01\/\d{14}\/10\/[^/]+\/21\/[^/?]+/);
  });

  test("a demo scan link opens the unit's page", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("listitem")
      .filter({ hasText: "A genuine pack on a pharmacy shelf in Germany." })
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/\/01\/09506000134352\/10\/CX24A17\/21\/GN7K2P9M4X\?17=\d{6}$/);
    // Verdict first (the h1), then the product and its journey.
    await expect(page.getByRole("status").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Cardiolex 20 mg film-coated tablets, 30", exact: true }).first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Where it has been" })).toBeVisible();
  });

  test("keyboard users can skip to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});
