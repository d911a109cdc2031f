import { expect, test } from "@playwright/test";

// The consumer meets genuine on a phone: check the page at 360 px and keep the screenshots.
test.use({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });

test("a recalled pack shows the recall notice in the visitor's language, at 360 px", async ({ page, browser }) => {
  await page.goto("/");
  const recalled = page.getByRole("listitem").filter({ hasText: "A pack from a recalled lot." }).getByRole("link");
  const href = await recalled.getAttribute("href");
  expect(href).toBeTruthy();

  const german = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "de-DE", extraHTTPHeaders: { "accept-language": "de-DE,de;q=0.9" } });
  const phone = await german.newPage();
  await phone.goto(href!);
  await expect(phone.getByRole("alert")).toContainText("Rückruf: Cardiolex 20 mg, Charge CX24B03");
  await expect(phone.locator("article")).toHaveAttribute("lang", "de");
  // Nothing wider than the phone: no sideways scrolling.
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await phone.screenshot({ path: "test-results/screenshots/recalled-360.png", fullPage: true });
  await german.close();
});

test("the home page fits a 360 px phone", async ({ page }) => {
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/home-360.png", fullPage: true });
});

test("an unknown serial says there is no record, and a malformed link gets a helpful page", async ({ page }) => {
  await page.goto("/01/09506000134352/10/CX24A17/21/NOSUCHSERIAL1");
  await expect(page).toHaveURL(/\/verify\/01\/09506000134352\/10\/CX24A17\/21\/NOSUCHSERIAL1$/);
  await expect(page.getByRole("status")).toContainText("We have no record of this product");
  // A wrong check digit: the resolver's 400 page, in plain words.
  const response = await page.goto("/01/09506000134353/21/ABC");
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This code could not be read");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screenshots/bad-code-360.png", fullPage: true });
  // A page that is no Digital Link stays the app's 404.
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
});
