// The wrapper every /api/v1 route handler goes through. Authentication by API key (Authorization:
// Bearer <token>) or session cookie; the organisation is the key's own, or for a session the one
// named by the X-Genuine-Organisation header (slug); then the permission (session) or scope (key),
// rate limit, the handler, and problem+json for every failure. Cookie-authenticated writes must come
// from our own origin (CSRF); bearer tokens are immune by construction.
import { after } from "next/server";
import type { Database } from "@/db/database";
import { appendAudit, type AuditEntry } from "@/db/queries/audit";
import { findOrganisationById } from "@/db/queries/organisations";
import { hasScope, verifyApiKey } from "@/lib/api-keys/verify-api-key";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { AppError, problemResponse } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { assertRateLimit, rateLimitHeaders } from "@/lib/rate-limit/assert-rate-limit";
import { getDatabase } from "@/lib/runtime/app-database";
import { currentUser } from "./current-user";
import { decideOrgAccess } from "./org-access";
import type { Permission } from "./permissions";

export type Caller = { kind: "user"; userId: string; email: string } | { kind: "api-key"; apiKeyId: string; scopes: ApiScope[] };

export interface RouteContext {
  db: Database;
  caller: Caller;
  organisation: { id: string; slug: string; name: string };
  audit(entry: Omit<AuditEntry, "organisationId" | "actorUserId" | "actorApiKeyId" | "sourceFingerprint">): Promise<void>;
  /** Runs work after the response has been sent (long jobs the caller polls). */
  defer(task: () => Promise<void>): void;
}

export interface RouteAccess {
  /** Checked for people (their role in the organisation). */
  permission: Permission;
  /** Checked for API keys ("any": every key); a route without a scope is for people only. */
  scope?: ApiScope | "any";
}

/** Registry of every API route's access rule, for the authorization matrix test. */
export const routeAccess = new Map<string, RouteAccess>();

const ORG_HEADER = "x-genuine-organisation";

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  if (!origin) return site === "same-origin";
  return origin === new URL(request.url).origin || origin === `${request.headers.get("x-forwarded-proto") ?? "http"}://${request.headers.get("host")}`;
}

/** What a request needs from its surroundings; tests pass their own database and no session. */
export interface RouteDependencies {
  db: Database;
  currentUser(): Promise<{ id: string; email: string } | null>;
  /** Runs work after the response (Next's after()). */
  defer(task: () => Promise<void>): void;
}

async function authenticate(request: Request, deps: RouteDependencies, access: RouteAccess) {
  const { db } = deps;
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const verification = await verifyApiKey(db, authorization.slice(7).trim(), new Date(), { defer: deps.defer });
    if (!verification.ok) {
      throw new AppError("unauthorized", `The API key is not valid (${verification.reason.replace("_", " ")}).`, {}, {
        "WWW-Authenticate": 'Bearer error="invalid_token"',
      });
    }
    if (!access.scope || (access.scope !== "any" && !hasScope(verification.key, access.scope))) {
      throw new AppError(
        "forbidden",
        access.scope ? `This API key lacks the ${access.scope} scope.` : "This endpoint is for people, not API keys.",
      );
    }
    const org = await findOrganisationById(db, verification.key.organisationId);
    if (!org) throw new AppError("unauthorized", "The API key's organisation no longer exists.");
    const caller: Caller = { kind: "api-key", apiKeyId: verification.key.id, scopes: verification.key.scopes };
    return { caller, organisation: { id: org.id, slug: org.slug, name: org.name }, rateKey: `key:${verification.key.id}` };
  }

  const user = await deps.currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in, or send an API key as a Bearer token.", {}, { "WWW-Authenticate": "Bearer" });
  if (request.method !== "GET" && request.method !== "HEAD" && !sameOrigin(request)) {
    throw new AppError("forbidden", "Cross-site request refused.");
  }
  const slug = request.headers.get(ORG_HEADER) ?? new URL(request.url).searchParams.get("org");
  if (!slug) throw new AppError("bad_request", `Name the organisation in the ${ORG_HEADER} header.`);
  const decision = await decideOrgAccess(db, user.id, slug, access.permission);
  if (!decision.ok) {
    throw decision.status === 404 ? new AppError("not_found") : new AppError("forbidden", "Your role does not allow this.");
  }
  const caller: Caller = { kind: "user", userId: user.id, email: user.email };
  return { caller, organisation: decision.membership.organisation, rateKey: `user:${user.id}` };
}

/** Authenticate, authorise, rate-limit and run one API request; every failure becomes problem+json. */
export async function handleApiRequest<Params>(
  deps: RouteDependencies,
  access: RouteAccess,
  handler: (ctx: RouteContext, request: Request, params: Params) => Promise<Response>,
  request: Request,
  params: Params,
): Promise<Response> {
  const instance = new URL(request.url).pathname;
  try {
    const { db } = deps;
    const { caller, organisation, rateKey } = await authenticate(request, deps, access);
    const limit = await assertRateLimit("api", rateKey);
    const source = sourceFingerprint(request.headers);
    const ctx: RouteContext = {
      db,
      caller,
      organisation,
      audit: (entry) =>
        appendAudit(db, {
          ...entry,
          organisationId: organisation.id,
          actorUserId: caller.kind === "user" ? caller.userId : null,
          actorApiKeyId: caller.kind === "api-key" ? caller.apiKeyId : null,
          sourceFingerprint: source,
        }),
      defer: deps.defer,
    };
    const response = await handler(ctx, request, params);
    for (const [key, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(key, value);
    return response;
  } catch (error) {
    return problemResponse(error, instance);
  }
}

export function withApiRoute<Params>(
  name: string,
  access: RouteAccess,
  handler: (ctx: RouteContext, request: Request, params: Params) => Promise<Response>,
) {
  routeAccess.set(name, access);
  const route = async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let deps: RouteDependencies;
    try {
      deps = { db: (await getDatabase()).db, currentUser, defer: (task) => after(task) };
    } catch (error) {
      return problemResponse(error, new URL(request.url).pathname);
    }
    return handleApiRequest(deps, access, handler, request, await context.params);
  };
  // Exposed so tests can run the same route against their own database.
  return Object.assign(route, { definition: { name, access, handler } });
}
