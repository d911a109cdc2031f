// The people the matrix acts as, their memberships in the demo data, and API sign-in for them.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { Role } from "@/db/schema";
import { DEMO_PASSWORD } from "../support/sign-in";

export const principals = {
  anonymous: null,
  "medivia owner": "owner@medivia.example",
  "medivia analyst": "analyst@medivia.example",
  "medivia editor": "editor@medivia.example",
  "maison-aurele owner": "owner@maison-aurele.example",
  "pharmacie retailer": "retailer@pharmacie-du-parc.example",
} as const;

export type PrincipalName = keyof typeof principals;

const memberships: Record<string, Record<string, Role>> = {
  "owner@medivia.example": { medivia: "owner" },
  "analyst@medivia.example": { medivia: "analyst" },
  "editor@medivia.example": { medivia: "editor" },
  "owner@maison-aurele.example": { "maison-aurele": "owner" },
  "retailer@pharmacie-du-parc.example": { "pharmacie-du-parc": "retailer" },
};

export function roleIn(email: string | null, org: string): Role | null {
  return email ? (memberships[email]?.[org] ?? null) : null;
}

// Sessions are kept in the e2e server's data folder, which every run starts afresh: each principal
// signs in once per run, however many workers ask (sign-in is rate-limited per account).
const stateDir = path.resolve(".tmp/e2e-pglite/auth-states");

/** A request context carrying the principal's session cookie, signed in through Auth.js itself. */
export async function sessionFor(baseURL: string, email: string | null): Promise<APIRequestContext> {
  if (!email) return playwrightRequest.newContext({ baseURL });
  const stateFile = path.join(stateDir, `${email}.json`);
  if (existsSync(stateFile)) return playwrightRequest.newContext({ baseURL, storageState: stateFile });
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/console" },
    maxRedirects: 0,
  });
  const cookies = (await context.storageState()).cookies.map((c) => c.name);
  if (!cookies.some((name) => name.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in as ${email} failed (${response.status()})`);
  }
  mkdirSync(stateDir, { recursive: true });
  await context.storageState({ path: stateFile });
  return context;
}
