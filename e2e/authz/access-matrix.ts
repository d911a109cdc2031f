// The declared access of every page, API route and server action genuine builds. The matrix spec
// reads the build's own manifests: anything built but not declared here fails the test, so a new
// route joins the matrix by construction.
import type { Permission } from "@/lib/access/permissions";
import type { ApiScope } from "@/lib/api-keys/scopes";

export type Access =
  | { kind: "public" }
  | { kind: "framework" }
  | { kind: "signed-in" }
  | { kind: "org"; permission: Permission }
  | { kind: "api"; permission: Permission; scope?: ApiScope | "any" };

export interface PageEntry {
  access: Access;
  /** A concrete URL for the pattern; "{org}" is replaced by the organisation under test. */
  sample: string;
  /** A public page that sends signed-in people on (the sign-in page). */
  redirectsSignedIn?: boolean;
  /**
   * Routes that take POST: where to post an empty JSON body, and what an allowed caller then gets
   * (a validation error or "not found" — the checks ran, nothing was written).
   */
  post?: { sample: string; allowedStatus: number; access?: Access };
  /** PUT and DELETE, like post: where to send an empty JSON body and what an allowed caller gets. */
  writes?: { method: "PUT" | "DELETE"; sample: string; allowedStatus: number; access?: Access }[];
  /** What an allowed GET of the sample answers when not 200 (e.g. 404 for an id that is nobody's). */
  allowedGetStatus?: number;
}

export const pages: Record<string, PageEntry> = {
  "/": { access: { kind: "public" }, sample: "/" },
  "/sign-in": { access: { kind: "public" }, sample: "/sign-in", redirectsSignedIn: true },
  "/invitations/[token]": { access: { kind: "public" }, sample: "/invitations/not-a-real-invitation-token-000000000000" },
  "/_not-found": { access: { kind: "framework" }, sample: "/no-such-page" },
  "/_global-error": { access: { kind: "framework" }, sample: "" },
  "/console": { access: { kind: "signed-in" }, sample: "/console" },
  "/console/[org]": { access: { kind: "org", permission: "console:view" }, sample: "/console/{org}" },
  "/console/[org]/members": { access: { kind: "org", permission: "members:manage" }, sample: "/console/{org}/members" },
  "/console/[org]/api-keys": { access: { kind: "org", permission: "api-keys:manage" }, sample: "/console/{org}/api-keys" },
  "/console/[org]/audit": { access: { kind: "org", permission: "audit:read" }, sample: "/console/{org}/audit" },
  "/console/[org]/settings": { access: { kind: "org", permission: "settings:manage" }, sample: "/console/{org}/settings" },
  "/console/[org]/serials": { access: { kind: "org", permission: "serials:write" }, sample: "/console/{org}/serials" },
  "/console/[org]/imports": { access: { kind: "org", permission: "epcis:write" }, sample: "/console/{org}/imports" },
  "/console/[org]/recalls": { access: { kind: "org", permission: "recalls:manage" }, sample: "/console/{org}/recalls" },
  "/console/[org]/webhooks": { access: { kind: "org", permission: "webhooks:manage" }, sample: "/console/{org}/webhooks" },
  // The cases queue; /console/cases sends the signed-in user on to their first brand's queue.
  "/console/cases": { access: { kind: "signed-in" }, sample: "/console/cases" },
  "/console/[org]/cases": { access: { kind: "org", permission: "cases:read" }, sample: "/console/{org}/cases" },
  // A case page by its per-brand number: the demo seeds case #1 for Medivia.
  "/console/[org]/cases/[number]": { access: { kind: "org", permission: "cases:read" }, sample: "/console/{org}/cases/1" },
  "/console/[org]/alerts": { access: { kind: "org", permission: "alerts:manage" }, sample: "/console/{org}/alerts" },
  "/console/[org]/insights": { access: { kind: "org", permission: "scans:read" }, sample: "/console/{org}/insights" },
};

export const routes: Record<string, PageEntry> = {
  "/api/health": { access: { kind: "public" }, sample: "/api/health" },
  "/api/ping": { access: { kind: "public" }, sample: "/api/ping" },
  // The resolver (proxy.ts rewrites Digital Link paths here): public, answers a scan with a redirect.
  // Digital Links at the root, answered without the proxy (see proxy.ts's matcher).
  "/[key]/[...path]": { access: { kind: "public" }, sample: "/01/09506000134352/10/CX24A17/21/26MY6LXFUD", allowedGetStatus: 307 },
  "/resolver/[[...path]]": { access: { kind: "public" }, sample: "/resolver/01/09506000134352/10/CX24A17/21/26MY6LXFUD", allowedGetStatus: 307 },
  "/.well-known/gs1resolver": { access: { kind: "public" }, sample: "/.well-known/gs1resolver" },
  // The consumer verification page: a route handler answering static HTML (no client runtime to load).
  "/verify/[...path]": { access: { kind: "public" }, sample: "/verify/01/09506000134352/10/CX24A17/21/GN7K2P9M4X" },
  // Consumers' reports (multipart form: an empty JSON body is the wrong media type) and opt-in locations.
  "/api/reports": { access: { kind: "public" }, sample: "", post: { sample: "/api/reports", allowedStatus: 415 } },
  "/api/scans/location": { access: { kind: "public" }, sample: "", post: { sample: "/api/scans/location", allowedStatus: 400 } },
  "/api/resolver/[...path]": {
    access: { kind: "api", permission: "links:edit", scope: "links:read" },
    sample: "/api/resolver/01/09506000134352/21/NO-LINKS-HERE",
    allowedGetStatus: 404,
    writes: [
      { method: "PUT", sample: "/api/resolver/01/09506000134352/21/NO-LINKS-HERE", allowedStatus: 400, access: { kind: "api", permission: "links:edit", scope: "links:write" } },
      { method: "DELETE", sample: "/api/resolver/01/09506000134352/21/NO-LINKS-HERE", allowedStatus: 404, access: { kind: "api", permission: "links:edit", scope: "links:write" } },
    ],
  },
  "/api/resolver/links": {
    access: { kind: "api", permission: "links:edit", scope: "links:read" },
    sample: "/api/resolver/links",
    post: { sample: "/api/resolver/links", allowedStatus: 400, access: { kind: "api", permission: "links:edit", scope: "links:write" } },
  },
  "/.well-known/jwks.json": { access: { kind: "public" }, sample: "/.well-known/jwks.json" },
  "/api/auth/[...nextauth]": { access: { kind: "framework" }, sample: "/api/auth/session" },
  "/api/epcis/capture": {
    access: { kind: "api", permission: "epcis:write", scope: "epcis:write" },
    sample: "",
    post: { sample: "/api/epcis/capture", allowedStatus: 400 },
  },
  "/api/epcis/capture/[id]": {
    access: { kind: "api", permission: "epcis:write", scope: "epcis:write" },
    sample: "/api/epcis/capture/00000000-0000-4000-8000-000000000000",
    allowedGetStatus: 404,
  },
  "/api/epcis/events": {
    access: { kind: "api", permission: "epcis:read", scope: "epcis:read" },
    sample: "/api/epcis/events?perPage=1",
    post: { sample: "/api/epcis/events", allowedStatus: 400, access: { kind: "api", permission: "epcis:write", scope: "epcis:write" } },
  },
  "/api/serials": {
    access: { kind: "api", permission: "serials:write", scope: "serials:write" },
    sample: "",
    post: { sample: "/api/serials", allowedStatus: 400 },
  },
  "/api/serials/[batchId]/export": {
    access: { kind: "api", permission: "serials:write", scope: "serials:write" },
    sample: "/api/serials/00000000-0000-4000-8000-000000000000/export",
    allowedGetStatus: 404,
  },
  "/api/imports/units": {
    access: { kind: "api", permission: "epcis:write", scope: "epcis:write" },
    sample: "",
    // The matrix posts an empty JSON body: an import takes CSV, so an allowed caller gets 415.
    post: { sample: "/api/imports/units", allowedStatus: 415 },
  },
  "/api/imports/[id]": {
    access: { kind: "api", permission: "epcis:write", scope: "epcis:write" },
    sample: "/api/imports/00000000-0000-4000-8000-000000000000",
    allowedGetStatus: 404,
  },
  "/api/imports/[id]/errors.csv": {
    access: { kind: "api", permission: "epcis:write", scope: "epcis:write" },
    sample: "/api/imports/00000000-0000-4000-8000-000000000000/errors.csv",
    allowedGetStatus: 404,
  },
  // The insights page's CSV of scans in a date range (streamed; ?org= names the brand for a session).
  "/api/insights/export": {
    access: { kind: "api", permission: "scans:read", scope: "scans:read" },
    sample: "/api/insights/export?range=7d",
  },
  // A case's evidence pack (?format=json|csv) and a consumer report's photo (served to the brand only).
  "/api/cases/[id]/evidence": {
    access: { kind: "api", permission: "cases:read", scope: "cases:read" },
    sample: "/api/cases/00000000-0000-4000-8000-000000000000/evidence",
    allowedGetStatus: 404,
  },
  "/api/reports/[id]/photos/[index]": {
    access: { kind: "api", permission: "cases:read", scope: "cases:read" },
    sample: "/api/reports/00000000-0000-4000-8000-000000000000/photos/0",
    allowedGetStatus: 404,
  },
  "/api/v1/me": { access: { kind: "api", permission: "console:view", scope: "any" }, sample: "/api/v1/me" },
  "/api/v1/api-keys": { access: { kind: "api", permission: "api-keys:manage" }, sample: "/api/v1/api-keys" },
  "/api/recall-status": { access: { kind: "public" }, sample: "/api/recall-status?gtin=09506000134352&lot=CX24B03" },
  // Brands' apps post scans from phones: public and rate-limited per source; an empty body is a 400.
  "/api/scans": { access: { kind: "public" }, sample: "", post: { sample: "/api/scans", allowedStatus: 400 } },
  // A recorded scan's verification data: public, found only by its unguessable ref.
  "/api/scans/[ref]": { access: { kind: "public" }, sample: "/api/scans/00000000-0000-4000-8000-000000000000", allowedGetStatus: 404 },
  "/api/v1/recalls": {
    access: { kind: "api", permission: "recalls:manage", scope: "recalls:write" },
    sample: "/api/v1/recalls",
    post: { sample: "/api/v1/recalls", allowedStatus: 400 },
  },
  "/api/v1/recalls/[id]/close": {
    access: { kind: "api", permission: "recalls:manage", scope: "recalls:write" },
    sample: "",
    post: { sample: "/api/v1/recalls/00000000-0000-4000-8000-000000000000/close", allowedStatus: 404 },
  },
  "/api/v1/webhooks": {
    access: { kind: "api", permission: "webhooks:manage", scope: "webhooks:write" },
    sample: "/api/v1/webhooks",
    post: { sample: "/api/v1/webhooks", allowedStatus: 400 },
  },
  "/api/v1/units/[gtin]/[serial]": {
    access: { kind: "api", permission: "products:read", scope: "epcis:read" },
    sample: "/api/v1/units/09506000134352/GN7K2P9M4X",
  },
};

export interface ActionEntry {
  access: Access;
  /** The page the action is posted to (as the browser does). */
  page: string;
}

export const actions: Record<string, ActionEntry> = {
  passwordSignIn: { access: { kind: "public" }, page: "/sign-in" },
  ssoSignIn: { access: { kind: "public" }, page: "/sign-in" },
  acceptAsCurrentUser: { access: { kind: "public" }, page: "/invitations/not-a-real-invitation-token-000000000000" },
  acceptWithNewAccount: { access: { kind: "public" }, page: "/invitations/not-a-real-invitation-token-000000000000" },
  signOutAction: { access: { kind: "public" }, page: "/console/{org}" },
  inviteMember: { access: { kind: "org", permission: "members:manage" }, page: "/console/{org}/members" },
  changeMemberRole: { access: { kind: "org", permission: "members:manage" }, page: "/console/{org}/members" },
  removeMemberAction: { access: { kind: "org", permission: "members:manage" }, page: "/console/{org}/members" },
  revokeInvitationAction: { access: { kind: "org", permission: "members:manage" }, page: "/console/{org}/members" },
  createApiKey: { access: { kind: "org", permission: "api-keys:manage" }, page: "/console/{org}/api-keys" },
  revokeApiKeyAction: { access: { kind: "org", permission: "api-keys:manage" }, page: "/console/{org}/api-keys" },
  updateSettings: { access: { kind: "org", permission: "settings:manage" }, page: "/console/{org}/settings" },
  issueSerialsAction: { access: { kind: "org", permission: "serials:write" }, page: "/console/{org}/serials" },
  publishRecallAction: { access: { kind: "org", permission: "recalls:manage" }, page: "/console/{org}/recalls" },
  closeRecallAction: { access: { kind: "org", permission: "recalls:manage" }, page: "/console/{org}/recalls" },
  createWebhookAction: { access: { kind: "org", permission: "webhooks:manage" }, page: "/console/{org}/webhooks" },
  disableWebhookAction: { access: { kind: "org", permission: "webhooks:manage" }, page: "/console/{org}/webhooks" },
  // Triage (app/(console)/console/[org]/cases/actions.ts): bulk ones on the queue, single-case ones on the case page.
  bulkChangeCaseStatusAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases" },
  bulkAssignCasesAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases" },
  changeCaseStatusAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases/1" },
  assignCaseAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases/1" },
  commentOnCaseAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases/1" },
  blacklistSerialAction: { access: { kind: "org", permission: "cases:manage" }, page: "/console/{org}/cases/1" },
  createAlertRuleAction: { access: { kind: "org", permission: "alerts:manage" }, page: "/console/{org}/alerts" },
  updateAlertRuleAction: { access: { kind: "org", permission: "alerts:manage" }, page: "/console/{org}/alerts" },
  setAlertRuleActiveAction: { access: { kind: "org", permission: "alerts:manage" }, page: "/console/{org}/alerts" },
  deleteAlertRuleAction: { access: { kind: "org", permission: "alerts:manage" }, page: "/console/{org}/alerts" },
};
