import { expect, test, type Page } from "@playwright/test";

// The consumer verification page on a phone: verdict first, in the visitor's language (Arabic right to
// left), a language switcher, a report form that works by keyboard and without script.
test.use({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

// A demo unit scanned by no other spec: its first scan is a genuine first scan.
const GENUINE_SCAN = "/01/09506000134352/10/CX24A17/21/2YZFVFTY63?17=290225";
const RECALLED_PAGE = "/verify/01/09506000134352/10/CX24B03/21/RC5H8W3N6J?17=290625";
const UNKNOWN_SCAN = "/01/09506000134352/10/CX24A17/21/NOSUCHSERIAL1";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a genuine pack: the verdict first, one h1, landmarks, and no framework JavaScript", async ({ page }) => {
  await page.goto(GENUINE_SCAN);
  await expect(page).toHaveURL(/\/verify\/01\/09506000134352\//);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("status").first()).toContainText("Genuine");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where it has been" })).toBeVisible();
  // The only script is the inline location button; no <script src> at all.
  expect(await page.locator("script[src]").count()).toBe(0);
  await expect(page.getByRole("button", { name: "Share my precise location" })).toBeVisible();
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/screenshots/verify-genuine-360.png", fullPage: true });
});

test("Arabic reads right to left, and the switcher changes language with plain links", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "ar", extraHTTPHeaders: { "accept-language": "ar-EG,ar;q=0.9" } });
  const page = await context.newPage();
  await page.goto(RECALLED_PAGE);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تم سحبه");
  await expect(page.getByRole("alert").first()).toContainText("CX24B03");
  const switcher = page.getByRole("navigation", { name: "اللغة" });
  await expect(switcher.locator('a[aria-current="true"]')).toHaveText("العربية");
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/screenshots/verify-recalled-ar-360.png", fullPage: true });

  await switcher.getByRole("link", { name: "Deutsch" }).click();
  await expect(page).toHaveURL(/[?&]lang=de/);
  await expect(page).toHaveURL(/17=290625/);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zurückgerufen");
  await expect(page.getByRole("navigation", { name: "Sprache" }).locator('a[aria-current="true"]')).toHaveAttribute("hreflang", "de");
  await context.close();
});

test("an unknown serial says there is no record, and can still be reported to the brand", async ({ page }) => {
  await page.goto(UNKNOWN_SCAN);
  await expect(page.getByRole("status").first()).toContainText("We have no record of this product");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not genuine");
  await expect(page.getByRole("heading", { name: "Report a suspicious product" })).toBeVisible();
  await noSidewaysScroll(page);
});

test("the report form is reached by keyboard and a report is sent, with a photo", async ({ page }) => {
  await page.goto(GENUINE_SCAN);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = (await page.evaluate(() => document.activeElement?.id)) === "report-problem";
  }
  expect(reached, "Tab reaches the report's first field").toBe(true);
  await page.keyboard.type("The seal was broken and the print looks blurred.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Market stall, Lyon");
  await page.getByLabel("Your e-mail (optional)").fill("shopper@example.org");
  await page.getByLabel("Photo of the product (optional)").setInputFiles({ name: "label.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Send report" }).press("Enter");
  await expect(page).toHaveURL(/reported=1/);
  await expect(page.locator("#report").getByRole("status")).toHaveText("Thank you. Your report has been sent to the brand.");
});

test("a photo that is not an image is refused with a message in the page's language", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "es-ES", extraHTTPHeaders: { "accept-language": "es" } });
  const page = await context.newPage();
  await page.goto(GENUINE_SCAN);
  await page.getByLabel("¿Qué ocurre?").fill("Precinto roto");
  await page.getByLabel("¿Dónde lo compró?").fill("Mercadillo, Madrid");
  await page.getByLabel("Foto del producto (opcional)").setInputFiles({ name: "x.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html></html>") });
  await page.getByRole("button", { name: "Enviar aviso" }).click();
  await expect(page).toHaveURL(/report_error=photo_type/);
  await expect(page.getByRole("alert")).toContainText("JPEG, PNG o WebP");
  await context.close();
});
