import { expect, test } from "@playwright/test";
import { signInWithPassword } from "./support/sign-in";

test.describe("console", () => {
  test("sends anonymous visitors to sign in, then back where they were going", async ({ page }) => {
    await page.goto("/console/medivia/members");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconsole%2Fmedivia%2Fmembers/);
    await signInWithPassword(page, "owner@medivia.example", undefined, "/console/medivia/members");
    await expect(page).toHaveURL(/\/console\/medivia\/members$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  });

  test("refuses a wrong password without saying which part was wrong", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in with e-mail and password" });
    // An account no other spec signs in with: failed attempts count towards its rate limit.
    await form.getByLabel("E-mail").fill("editor@maison-aurele.example");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The e-mail address or password is not right.");
  });

  test("an owner invites an analyst, who joins with a new account and sees only what analysts may", async ({ page, browser }) => {
    await signInWithPassword(page, "owner@maison-aurele.example");
    await page.goto("/console/maison-aurele/members");
    const invite = page.getByRole("form", { name: "Invite" });
    const email = `new-analyst-${Date.now()}@maison-aurele.example`;
    await invite.getByLabel("E-mail").fill(email);
    await invite.getByLabel("Role").selectOption("analyst");
    await invite.getByRole("button", { name: "Create invitation" }).click();
    const link = await invite.getByLabel("Invitation link").inputValue();
    expect(link).toMatch(/\/invitations\/[\w-]{40,}$/);

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await newcomer.goto(new URL(link).pathname);
    await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Join Maison Aurèle");
    await newcomer.getByLabel("Your name").fill("Nora Analyst");
    await newcomer.getByLabel("Choose a password").fill("a-long-enough-password");
    await newcomer.getByRole("button", { name: "Create account and join" }).click();
    await expect(newcomer).toHaveURL(/\/console\/maison-aurele$/);
    const nav = newcomer.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
    const forbidden = await newcomer.goto("/console/maison-aurele/members");
    expect(forbidden?.status()).toBe(403);
    const foreign = await newcomer.goto("/console/medivia");
    expect(foreign?.status()).toBe(404);
    // The link works once.
    await newcomer.goto(new URL(link).pathname);
    await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("This invitation is no longer valid");
    await context.close();

    await page.goto("/console/maison-aurele/audit");
    await expect(page.getByRole("table")).toContainText("invitation.accepted");
    await expect(page.getByRole("table")).toContainText("member.invited");
  });

  test("an owner creates an API key, shown once, that authenticates the API, then revokes it", async ({ page, request }) => {
    await signInWithPassword(page, "owner@medivia.example");
    await page.goto("/console/medivia/api-keys");
    const form = page.getByRole("form", { name: "New API key" });
    await form.getByLabel("Name").fill("ERP test");
    await form.getByLabel("epcis:write").check();
    await form.getByRole("button", { name: "Create key" }).click();
    const token = await form.getByLabel("API key (Bearer token)").inputValue();
    const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ organisation: { slug: "medivia" }, caller: { kind: "api-key", scopes: ["epcis:write"] } });

    await page.reload();
    await page.getByRole("form", { name: "Revoke ERP test" }).getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("status")).toContainText("API key revoked");
    const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect(after.headers()["content-type"]).toBe("application/problem+json");
  });

  test("pages carry a nonce-based CSP and refuse framing", async ({ request }) => {
    const response = await request.get("/sign-in");
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers()["strict-transport-security"]).toContain("max-age=");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  });
});
