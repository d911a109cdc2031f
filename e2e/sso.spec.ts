// Enterprise SSO end to end: the browser goes from genuine's sign-in page to a real OpenID Connect
// issuer (oidc-provider, started by playwright.config.ts from e2e/support/oidc-issuer.ts), signs in on
// its login page and comes back through Auth.js — no mocked provider anywhere.
import { expect, test, type Page } from "@playwright/test";
import { INVITED_DOMAIN, SSO_PASSWORD } from "./support/oidc-issuer";
import { signInWithPassword } from "./support/sign-in";

const SSO_BUTTON = "Sign in with Company SSO";
const issuerOrigin = `http://localhost:${process.env.E2E_OIDC_PORT ?? 3290}`;

/** From genuine's sign-in page to the issuer's login form; returns the form. */
async function openProviderLogin(page: Page, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await expect(page).toHaveURL((url) => url.origin === issuerOrigin && url.pathname.startsWith("/interaction/"));
  return page.getByRole("form", { name: "Identity provider sign-in" });
}

async function signInThroughSso(page: Page, login: string, password = SSO_PASSWORD) {
  const form = await openProviderLogin(page);
  await form.getByLabel("Login").fill(login);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Continue" }).click();
}

test.describe("single sign-on through an OpenID Connect provider", () => {
  test("an existing user signs in with SSO, linked by verified e-mail, and lands in their organisation", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
    await page.screenshot({ path: "test-results/screenshots/sso-sign-in-page.png", fullPage: true });

    const form = await openProviderLogin(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test Identity Provider");
    await page.screenshot({ path: "test-results/screenshots/sso-provider-login.png", fullPage: true });
    await form.getByLabel("Login").fill("analyst@medivia.example");
    await form.getByLabel("Password").fill(SSO_PASSWORD);
    await form.getByRole("button", { name: "Continue" }).click();

    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/console\/medivia$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medivia Pharma");
    await expect(page.getByText("you are an analyst")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("analyst@medivia.example");
    const nav = page.getByRole("navigation", { name: "Console" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screenshots/sso-signed-in-console.png", fullPage: true });

    // The session is genuine's own: the console keeps working after a reload.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Medivia Pharma");
  });

  test("the provider itself refuses a wrong password", async ({ page }) => {
    const form = await openProviderLogin(page);
    await form.getByLabel("Login").fill("analyst@medivia.example");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toHaveText("Unknown login or wrong password.");
    expect(new URL(page.url()).origin).toBe(issuerOrigin);
  });

  test("cancelling at the provider comes back to sign-in without a session", async ({ page }) => {
    const form = await openProviderLogin(page);
    await form.getByRole("button", { name: "Cancel" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/sign-in\?.*error=/);
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    const anonymous = await page.goto("/console");
    expect(anonymous?.url()).toMatch(/\/sign-in\?callbackUrl=%2Fconsole$/);
  });

  test("a verified e-mail with no user and no invitation is sent back to sign-in", async ({ page }) => {
    await signInThroughSso(page, "stranger@nowhere.example");
    await expect(page).toHaveURL(/\/sign-in\?.*error=no_invitation/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Your single sign-on account is not invited to any organisation on genuine. Ask an owner to invite your e-mail address.",
    );
    const anonymous = await page.goto("/console");
    expect(anonymous?.url()).toMatch(/\/sign-in\?callbackUrl=%2Fconsole$/);
  });

  test("an e-mail the provider has not verified is not linked to anyone", async ({ page }) => {
    // unverified@medivia.example has no user either, but verification is checked first.
    await signInThroughSso(page, "unverified@medivia.example");
    await expect(page).toHaveURL(/\/sign-in\?.*error=email_not_verified/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Your identity provider did not confirm your e-mail address, so we cannot link it to an invitation.",
    );
  });

  test("an owner invites a new e-mail address; that person signs in with SSO and joins with the invited role", async ({
    page,
    browser,
  }) => {
    await signInWithPassword(page, "owner@maison-aurele.example");
    await page.goto("/console/maison-aurele/members");
    const invite = page.getByRole("form", { name: "Invite" });
    const email = `sso-editor-${Date.now()}@${INVITED_DOMAIN}`;
    await invite.getByLabel("E-mail").fill(email);
    await invite.getByLabel("Role").selectOption("editor");
    await invite.getByRole("button", { name: "Create invitation" }).click();
    await expect(invite.getByLabel("Invitation link")).toHaveValue(/\/invitations\//);

    const context = await browser.newContext();
    const newcomer = await context.newPage();
    await signInThroughSso(newcomer, email);
    await expect(newcomer).toHaveURL(/\/console\/maison-aurele$/);
    await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText("Maison Aurèle");
    await expect(newcomer.getByText(/you are an? editor/)).toBeVisible();
    await expect(newcomer.getByRole("banner")).toContainText(email);
    const foreign = await newcomer.goto("/console/medivia");
    expect(foreign?.status()).toBe(404);
    await context.close();

    await page.reload();
    await expect(page.getByRole("main")).toContainText(email);
    await page.goto("/console/maison-aurele/audit");
    await expect(page.getByRole("table")).toContainText("invitation.accepted");
  });
});
