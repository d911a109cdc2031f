import { expect, test, type Browser } from "@playwright/test";

// Issue 7's scenarios through the real resolver, with the edge's geo headers as Vercel sends them: each
// scan is a new phone (a new browser context), and the page shows the verdict weighed for that scan.
const G = "09506000134352";
const places = {
  berlin: { country: "DE", lat: "52.52", lon: "13.40" },
  paris: { country: "FR", lat: "48.86", lon: "2.35" },
  sydney: { country: "AU", lat: "-33.87", lon: "151.21" },
  saoPaulo: { country: "BR", lat: "-23.55", lon: "-46.63" },
};

async function scan(browser: Browser, path: string, place: (typeof places)[keyof typeof places] | null, locale = "en-GB") {
  const headers: Record<string, string> = { "accept-language": locale };
  if (place) Object.assign(headers, { "x-vercel-ip-country": place.country, "x-vercel-ip-latitude": place.lat, "x-vercel-ip-longitude": place.lon });
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, locale, extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page).toHaveURL(/\/verify\//);
  return { page, close: () => context.close() };
}

const verdict = (page: import("@playwright/test").Page) => page.getByRole("status", { name: "Result of the check" });

test("a genuine first scan in the unit's market", async ({ browser }) => {
  const { page, close } = await scan(browser, `/01/${G}/10/CX24A17/21/5UUWXY2GEF?17=290225`, places.berlin);
  await expect(verdict(page)).toContainText("Genuine");
  await page.screenshot({ path: "test-results/screenshots/verdict-genuine-360.png", fullPage: true });
  await close();
});

test("a clone: scanned in Paris, then in Sydney moments later", async ({ browser }) => {
  const first = await scan(browser, `/01/${G}/10/CX24A17/21/7UVKWYW7QQ?17=290225`, places.paris);
  await expect(verdict(first.page)).toContainText("Genuine");
  await first.close();
  const second = await scan(browser, `/01/${G}/10/CX24A17/21/7UVKWYW7QQ?17=290225`, places.sydney);
  await expect(verdict(second.page)).toContainText("Possibly not genuine");
  await expect(verdict(second.page)).toContainText("suggest copies of it exist");
  await second.page.screenshot({ path: "test-results/screenshots/verdict-clone-360.png", fullPage: true });
  await second.close();
  const arabic = await scan(browser, `/01/${G}/10/CX24A17/21/7UVKWYW7QQ?17=290225`, places.sydney, "ar");
  await expect(arabic.page.locator("html")).toHaveAttribute("dir", "rtl");
  await arabic.page.screenshot({ path: "test-results/screenshots/verdict-clone-ar-360.png", fullPage: true });
  await arabic.close();
});

test("a scan outside the unit's market", async ({ browser }) => {
  const { page, close } = await scan(browser, `/01/${G}/10/CX24A17/21/6FJ5L6BLSP?17=290225`, places.saoPaulo);
  await expect(verdict(page)).toContainText("Check with care");
  await expect(verdict(page)).toContainText("made for another country's market");
  await close();
});

test("a recalled lot shows its notice", async ({ browser }) => {
  const { page, close } = await scan(browser, `/01/${G}/10/CX24B03/21/RC5H8W3N6J?17=290625`, places.berlin);
  await expect(verdict(page)).toContainText("Recalled");
  await expect(page.getByRole("alert")).toContainText("Cardiolex");
  await page.screenshot({ path: "test-results/screenshots/verdict-recalled-360.png", fullPage: true });
  await close();
  const arabic = await scan(browser, `/01/${G}/10/CX24B03/21/RC5H8W3N6J?17=290625`, places.berlin, "ar");
  await expect(arabic.page.locator("html")).toHaveAttribute("lang", "ar");
  await arabic.page.screenshot({ path: "test-results/screenshots/verdict-recalled-ar-360.png", fullPage: true });
  await arabic.close();
});

test("an unknown serial and an altered expiry read alike: not genuine", async ({ browser }) => {
  const unknown = await scan(browser, `/01/${G}/10/CX24A17/21/ZZ9Q7Y4X1H`, places.berlin);
  await expect(verdict(unknown.page)).toContainText("Not genuine");
  await expect(verdict(unknown.page)).toContainText("We have no record of this product");
  await unknown.close();
  // The record says 25 Feb 2029; the code claims 1 Jan 2030.
  const forged = await scan(browser, `/01/${G}/10/CX24A17/21/6M3RFHW393?17=300101`, places.berlin);
  await expect(verdict(forged.page)).toContainText("Not genuine");
  await expect(verdict(forged.page)).toContainText("We have no record of this product");
  await forged.close();
});

test("a dispensed pack scanned again", async ({ browser }) => {
  const { page, close } = await scan(browser, "/01/09506000136110/10/AM25B14/21/DS4K8R2VTP", null);
  await expect(verdict(page)).toContainText("Possibly not genuine");
  await expect(verdict(page)).toContainText("already recorded as sold or dispensed");
  await close();
});
