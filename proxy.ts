// Runs before every page: a per-request CSP nonce and security headers, and for /console a sign-in
// redirect when there is no session. It only decodes the session cookie — never the database; the
// pages themselves check membership and role.
import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/auth-config";
import { authSecret } from "@/lib/config/auth-secret";
import { getEnv } from "@/lib/config/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isResolverPath } from "@/lib/resolver/resolver-path";

const { auth } = NextAuth(() => ({ ...authConfig, secret: authSecret() }));

function withSecurityHeaders(request: NextRequest, respond: (headers: Headers) => NextResponse): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const env = getEnv();
  const issuer = env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [];
  const csp = contentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https, formTargets: issuer });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  requestHeaders.set("content-security-policy", csp);
  const response = respond(requestHeaders);
  response.headers.set("content-security-policy", csp);
  if (env.NODE_ENV === "production") {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

// With a lazily evaluated config (the secret may be generated at first start), auth(handler)
// resolves to the wrapped handler asynchronously.
const consoleGuard = auth((request) =>
  withSecurityHeaders(request, (headers) => {
    if (!request.auth?.user) {
      const signIn = new URL("/sign-in", request.nextUrl.origin);
      signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
      return NextResponse.redirect(signIn);
    }
    return NextResponse.next({ request: { headers } });
  }),
);

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  // A Digital Link anywhere in the path is the resolver's (app/resolver), which sets its own headers.
  if (isResolverPath(request.nextUrl.pathname)) {
    const target = request.nextUrl.clone();
    target.pathname = `/resolver${request.nextUrl.pathname}`;
    return NextResponse.rewrite(target);
  }
  if (request.nextUrl.pathname === "/console" || request.nextUrl.pathname.startsWith("/console/")) {
    const guard = (await consoleGuard) as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
    return guard(request, event);
  }
  return withSecurityHeaders(request, (headers) => NextResponse.next({ request: { headers } }));
}

export const config = {
  // Pages only: not static files, not machine interfaces (JSON needs no CSP), not prefetches.
  matcher: [
    {
      // Nor Digital Links at the root (a first segment of 2–4 digits: an AI): app/[key]/[...path] answers
      // them directly, keeping the scan's hot path one route handler long.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|\\.well-known/|\\d{2,4}/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
