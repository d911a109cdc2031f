// The authorization matrix: every page, API route and server action in the build × every role ×
// own vs foreign organisation × anonymous → allow / deny / 404, with nothing leaked. Routes come
// from the build's manifests, so one missing from the declared matrix fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { roleAllows } from "@/lib/access/permissions";
import { actions, pages, routes, type Access } from "./authz/access-matrix";
import { principals, roleIn, sessionFor, type PrincipalName } from "./authz/principals";

const root = process.cwd();
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8"));
const normalise = (key: string) => key.replace(/\/\([^)]+\)/g, "").replace(/\/(page|route)$/, "") || "/";

const built = Object.keys(readJson(".next/server/app-paths-manifest.json") as Record<string, string>);
const builtPages = built.filter((k) => k.endsWith("/page")).map(normalise);
const builtRoutes = built.filter((k) => k.endsWith("/route")).map(normalise);
const builtActions = Object.values(
  (readJson(".next/server/server-reference-manifest.json") as { node: Record<string, { exportedName: string; filename: string }> }).node,
).map((a) => ({ name: a.exportedName, file: a.filename }));
const actionIds = Object.fromEntries(
  Object.entries((readJson(".next/server/server-reference-manifest.json") as { node: Record<string, { exportedName: string }> }).node).map(
    ([id, a]) => [a.exportedName, id],
  ),
);

const ORGS = ["medivia", "pharmacie-du-parc"] as const;

/**
 * The body React sends for `action(previousState, formData)`: the form's fields prefixed "_1_", then
 * the argument list as field "0" (`$K1` refers to those fields). Order matters — React reads the
 * referenced entries in sequence — so this is a FormData, not an object (whose "0" key sorts first).
 */
function actionArguments(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append("0", JSON.stringify([null, "$K1"]));
  return form;
}
const ORG_NAMES: Record<string, string> = { medivia: "Medivia Pharma", "pharmacie-du-parc": "Pharmacie du Parc" };

type Outcome = "allow" | "anonymous" | 403 | 404;

function expected(access: Access, principal: PrincipalName, org: string): Outcome {
  const email = principals[principal];
  if (access.kind === "public" || access.kind === "framework") return "allow";
  if (!email) return "anonymous";
  if (access.kind === "signed-in") return "allow";
  const role = roleIn(email, org);
  if (!role) return 404;
  return roleAllows(role, access.permission) ? "allow" : 403;
}

const sessions = new Map<PrincipalName, APIRequestContext>();
test.beforeAll(async ({}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL!;
  for (const name of Object.keys(principals) as PrincipalName[]) sessions.set(name, await sessionFor(baseURL, principals[name]));
});
test.afterAll(async () => {
  for (const context of sessions.values()) await context.dispose();
});

test.describe("the matrix covers everything that is built", () => {
  test("every page, route and server action has a declared access rule, and nothing declared is stale", () => {
    expect(builtPages.sort()).toEqual(Object.keys(pages).sort());
    expect(builtRoutes.sort()).toEqual(Object.keys(routes).sort());
    expect([...new Set(builtActions.map((a) => a.name))].sort()).toEqual(Object.keys(actions).sort());
  });

  test("the declared permissions are the ones the code checks", () => {
    for (const [pattern, entry] of Object.entries(pages)) {
      if (entry.access.kind !== "org") continue;
      const source = readFileSync(path.join(root, "app/(console)/console", pattern.replace(/^\/console/, ""), "page.tsx"), "utf8");
      expect(source, pattern).toContain(`requireOrgPage(org, "${entry.access.permission}"`);
    }
    for (const { name, file } of builtActions) {
      const access = actions[name]!.access;
      const source = readFileSync(path.join(root, file), "utf8");
      const declared = new RegExp(`export const ${name} = orgAction\\(\\s*"\\w+",\\s*"([^"]+)"`).exec(source)?.[1];
      expect(declared ?? "public", name).toBe(access.kind === "org" ? access.permission : "public");
    }
    for (const [pattern, entry] of Object.entries(routes)) {
      if (entry.access.kind !== "api") continue;
      const source = readFileSync(path.join(root, "app", pattern, "route.ts"), "utf8");
      expect(source, pattern).toContain(`permission: "${entry.access.permission}"`);
      if (entry.access.scope) expect(source, pattern).toContain(`scope: "${entry.access.scope}"`);
    }
  });
});

const cases = (Object.keys(principals) as PrincipalName[]).flatMap((principal) => ORGS.map((org) => ({ principal, org })));

for (const [pattern, entry] of Object.entries(pages)) {
  if (!entry.sample) continue;
  test(`page ${pattern}`, async () => {
    for (const { principal, org } of cases) {
      const url = entry.sample.replace("{org}", org);
      const response = await sessions.get(principal)!.get(url, { maxRedirects: 0 });
      const outcome = expected(entry.access, principal, org);
      const where = `${principal} → ${url}`;
      const body = await response.text();
      if (outcome === "anonymous") {
        expect(response.status(), where).toBe(307);
        expect(response.headers().location, where).toContain("/sign-in?callbackUrl=");
      } else if (outcome === "allow") {
        const redirects = entry.access.kind === "signed-in" || (entry.redirectsSignedIn && principals[principal] !== null);
        const allowed = redirects ? [307] : entry.access.kind === "framework" ? [404] : [200];
        expect(allowed, where).toContain(response.status());
      } else {
        expect(response.status(), where).toBe(outcome);
      }
      if (outcome === 404 || outcome === "anonymous") expect(body, `${where} leaks the organisation`).not.toContain(ORG_NAMES[org]);
    }
  });
}

for (const [pattern, entry] of Object.entries(routes)) {
  const source = readFileSync(path.join(root, "app", pattern, "route.ts"), "utf8");
  const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source));
  test(`API ${pattern} (${methods.join(", ")})`, async ({}, testInfo) => {
    expect(Boolean(entry.post), `${pattern}: declare how to post to it`).toBe(methods.includes("POST"));
    expect(methods.filter((m) => m !== "GET" && m !== "POST"), `${pattern}: declare its PUT/PATCH/DELETE under writes`).toEqual(
      (entry.writes ?? []).map((w) => w.method),
    );
    const origin = new URL(testInfo.project.use.baseURL!).origin;
    for (const { principal, org } of cases) {
      const calls = [
        ...(methods.includes("GET") && entry.sample ? [{ method: "GET", url: entry.sample, okStatus: [entry.allowedGetStatus ?? 200], access: entry.access }] : []),
        ...(entry.post && entry.access.kind === "api"
          ? [{ method: "POST", url: entry.post.sample, okStatus: [entry.post.allowedStatus], access: entry.post.access ?? entry.access }]
          : []),
        ...(entry.access.kind === "api" ? (entry.writes ?? []) : []).map((w) => ({ method: w.method, url: w.sample, okStatus: [w.allowedStatus], access: w.access ?? entry.access })),
      ];
      for (const call of calls) {
        const context = sessions.get(principal)!;
        const options = { headers: { "x-genuine-organisation": org, origin }, maxRedirects: 0 };
        const response = call.method === "GET" ? await context.get(call.url, options) : await context.fetch(call.url, { ...options, method: call.method, data: {} });
        const outcome = expected(call.access, principal, org);
        const where = `${principal} as ${org} → ${call.method} ${call.url}`;
        const body = await response.text();
        if (outcome === "allow") {
          // A route may still answer 404 for a resource that is not this organisation's (the unit belongs to medivia).
          const status = response.status();
          const notOurs = pattern.includes("[serial]") && org !== "medivia" && status === 404;
          expect(call.okStatus.includes(status) || notOurs, `${where}: ${status} ${body.slice(0, 200)}`).toBe(true);
        } else {
          expect(response.status(), where).toBe(outcome === "anonymous" ? 401 : outcome);
          expect(response.headers()["content-type"], where).toBe("application/problem+json");
          expect(body, `${where} leaks the organisation`).not.toContain(ORG_NAMES[org]);
        }
      }
    }
  });
}

for (const [name, entry] of Object.entries(actions)) {
  if (entry.access.kind !== "org") continue;
  test(`server action ${name}`, async ({}, testInfo) => {
    const origin = new URL(testInfo.project.use.baseURL!).origin;
    for (const { principal, org } of cases) {
      // Post the action as a browser would, but with only the organisation: an allowed caller gets
      // as far as input validation (400) and nothing is written; a denied one is stopped before.
      const response = await sessions.get(principal)!.post(entry.page.replace("{org}", org), {
        headers: { "next-action": actionIds[name]!, origin, accept: "text/x-component" },
        multipart: actionArguments({ org }),
        maxRedirects: 0,
      });
      const body = await response.text();
      const outcome = expected(entry.access, principal, org);
      const where = `${principal} → ${name} on ${org}`;
      if (outcome === "anonymous" && response.status() === 307) {
        // The proxy sends anonymous console requests to sign-in before any action runs.
        expect(response.headers().location, where).toContain("/sign-in?callbackUrl=");
        continue;
      }
      const result = /\{"ok":false,"status":(\d{3}),"message":"([^"]*)"/.exec(body);
      expect(Number(result?.[1]), `${where}: ${response.status()} ${body.slice(0, 500)}`).toBe(
        outcome === "allow" ? 400 : outcome === "anonymous" ? 401 : outcome,
      );
      // An allowed caller must have got past the organisation and role checks, to input validation.
      if (outcome === "allow") expect(result?.[2], where).toBe("Please correct the highlighted fields.");
    }
  });
}

test("a server action posted from another site is refused (CSRF)", async ({}, testInfo) => {
  const response = await sessions.get("medivia owner")!.post("/console/medivia/members", {
    headers: { "next-action": actionIds.inviteMember!, origin: "https://evil.example", accept: "text/x-component" },
    multipart: actionArguments({ org: "medivia", email: "attacker@evil.example", role: "owner" }),
    maxRedirects: 0,
  });
  expect(response.status(), testInfo.title).not.toBe(200);
  expect(await response.text()).not.toContain('"ok":true');
});
