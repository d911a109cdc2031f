// Auth.js with genuine's providers: email + password, and OpenID Connect SSO when configured.
// JWT sessions; the token carries only the user id — roles are read per request from the database,
// so a role change or removal takes effect at once.
import { cache } from "react";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./auth-config";
import { appendAudit } from "@/db/queries/audit";
import { findSsoAccount } from "@/db/queries/users";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { resolveSsoUser } from "@/lib/auth/sso-sign-in";
import { authSecret } from "@/lib/config/auth-secret";
import { getEnv, oidcConfigured } from "@/lib/config/env";
import { AppError } from "@/lib/http/problem";
import { sourceFingerprint } from "@/lib/privacy/fingerprint";
import { getDatabase } from "@/lib/runtime/app-database";

class RateLimitedSignIn extends CredentialsSignin {
  override code = "rate_limited";
}

export const OIDC_PROVIDER_ID = "oidc";

function providers(): NextAuthConfig["providers"] {
  const env = getEnv();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const db = (await getDatabase()).db;
        const source = sourceFingerprint(request.headers, authSecret());
        try {
          const user = await signInWithPassword(db, credentials, source);
          await appendAudit(db, {
            organisationId: null,
            actorUserId: user?.id ?? null,
            action: user ? "auth.sign_in" : "auth.sign_in_failed",
            metadata: { method: "password" },
            sourceFingerprint: source,
          });
          return user;
        } catch (error) {
          if (error instanceof AppError && error.code === "rate_limited") throw new RateLimitedSignIn();
          throw error;
        }
      },
    }),
  ];
  if (oidcConfigured(env)) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: env.OIDC_NAME,
      type: "oidc",
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state", "nonce"],
    });
  }
  return list;
}

const nextAuth = NextAuth(() => ({
  ...authConfig,
  secret: authSecret(),
  providers: providers(),
  logger: {
    // A wrong password is an answer, not an error worth a stack trace in the log.
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const db = (await getDatabase()).db;
      const result = await resolveSsoUser(db, {
        provider: OIDC_PROVIDER_ID,
        subject: account.providerAccountId,
        email: profile?.email,
        emailVerified: profile?.email_verified === true,
        name: profile?.name,
      });
      return result.ok ? true : `/sign-in?error=${result.reason}`;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === OIDC_PROVIDER_ID) {
        // The provider's subject is not our user id: use the account signIn() just linked.
        const linked = await findSsoAccount((await getDatabase()).db, OIDC_PROVIDER_ID, account.providerAccountId);
        token.sub = linked?.userId;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
  },
}));

export const { handlers, signIn, signOut } = nextAuth;

/** The session, read once per request however many components ask. */
export const auth = cache(() => nextAuth.auth());

export function ssoEnabled(): { id: string; name: string } | null {
  const env = getEnv();
  return oidcConfigured(env) ? { id: OIDC_PROVIDER_ID, name: env.OIDC_NAME } : null;
}
