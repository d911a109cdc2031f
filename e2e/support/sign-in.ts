// Signing in as a demo account through the real form, for specs that need a session.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "genuine-demo";

export async function signInWithPassword(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in");
  const form = page.getByRole("form", { name: "Sign in with e-mail and password" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
