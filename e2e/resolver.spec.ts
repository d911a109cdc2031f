import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/sign-in";

// The QR code's URL, answered by genuine as a GS1-conformant resolver in the running app.
// A plain demo unit no consumer-facing spec scans (their verdicts must not see these scans).
const UNIT = "/01/09506000134352/10/CX24A17/21/26MY6LXFUD";

test("the resolver answers a scan per the standard: redirect, linkset, CORS, description file", async ({ request }) => {
  const scan = await request.get(`${UNIT}?17=270630`, { maxRedirects: 0, headers: { accept: "text/html" } });
  expect(scan.status()).toBe(307);
  expect(scan.headers().location).toMatch(new RegExp(`/verify${UNIT}\\?17=270630$`));
  expect(scan.headers().link).toContain('rel="linkset"');
  expect(scan.headers().link).toContain(`<https://id.gs1.org${UNIT}?17=270630>; rel="owl:sameAs"`);
  expect(scan.headers()["set-cookie"]).toContain("genuine_device=");

  const linkset = await request.get(`${UNIT}?linkType=linkset`, { maxRedirects: 0 });
  expect(linkset.status()).toBe(200);
  expect(linkset.headers()["content-type"]).toBe("application/linkset+json");
  expect(JSON.stringify(await linkset.json())).toContain("https://gs1.org/voc/verificationService");

  const options = await request.fetch(UNIT, { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["access-control-allow-methods"]).toBe("GET, HEAD, OPTIONS");
  expect((await request.head(UNIT, { maxRedirects: 0 })).status()).toBe(307);

  const prefixed = await request.get(`/products${UNIT}`, { maxRedirects: 0 });
  expect(prefixed.status()).toBe(307);
  const broken = await request.get(`${UNIT}/foo`, { maxRedirects: 0 });
  expect(broken.status()).toBe(400);
  expect(broken.headers()["content-type"]).toBe("application/problem+json");

  const description = await request.get("/.well-known/gs1resolver");
  expect(await description.json()).toMatchObject({ supportedPrimaryKeys: ["all"], linkTypeDefaultCanBeLinkset: false });
});

test("an editor publishes a link through the API and the next scan follows it", async ({ page }) => {
  await signInWithPassword(page, "editor@medivia.example", undefined, "/console/medivia");
  const origin = new URL(page.url()).origin;
  const put = await page.request.put("/api/resolver/01/09506000134352/10/CX24A17", {
    headers: { "x-genuine-organisation": "medivia", origin },
    data: {
      itemDescription: "Cardiolex 20 mg, lot CX24A17",
      links: [{ linktype: "gs1:instructions", href: "https://www.medivia.example/instructions/{lot}", title: "How to take Cardiolex", hreflang: ["en"], fwqs: false }],
    },
  });
  expect(put.status(), await put.text()).toBe(200);
  const offDomain = await page.request.put("/api/resolver/01/09506000134352/10/CX24A17", {
    headers: { "x-genuine-organisation": "medivia", origin },
    data: { itemDescription: "x", links: [{ linktype: "gs1:pip", href: "https://evil.example/", title: "x" }] },
  });
  expect(offDomain.status()).toBe(400);

  const scan = await page.request.get(`${UNIT}?linkType=gs1:instructions`, { maxRedirects: 0 });
  expect(scan.status()).toBe(307);
  expect(scan.headers().location).toBe("https://www.medivia.example/instructions/CX24A17");

  // The consumer's phone: the code opens genuine's verification page for the unit.
  await page.goto(`${UNIT}?17=270630`);
  await expect(page).toHaveURL(new RegExp(`/verify${UNIT}`));
  await expect(page.locator("article")).toBeVisible();
});
