// People. Emails are stored lower-cased and trimmed, so lookups need no functional index.
import { and, eq } from "drizzle-orm";
import type { Executor } from "../database";
import { ssoAccounts, users } from "../schema";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return user;
}

export async function findUserById(db: Executor, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function createUser(
  db: Executor,
  input: { email: string; name?: string | null; passwordHash?: string | null; emailVerified?: boolean },
) {
  const [user] = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name ?? null,
      passwordHash: input.passwordHash ?? null,
      emailVerifiedAt: input.emailVerified ? new Date() : null,
    })
    .returning();
  return user!;
}

/** Link an SSO identity to a user (idempotent), recording the sign-in time. */
export async function linkSsoAccount(db: Executor, provider: string, subject: string, userId: string) {
  await db
    .insert(ssoAccounts)
    .values({ provider, subject, userId, lastSignInAt: new Date() })
    .onConflictDoUpdate({ target: [ssoAccounts.provider, ssoAccounts.subject], set: { lastSignInAt: new Date() } });
}

export async function findSsoAccount(db: Executor, provider: string, subject: string) {
  const [account] = await db
    .select()
    .from(ssoAccounts)
    .where(and(eq(ssoAccounts.provider, provider), eq(ssoAccounts.subject, subject)))
    .limit(1);
  return account;
}
