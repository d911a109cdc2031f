// Email + password sign-in. Unknown users cost the same scrypt run as known ones (no timing oracle);
// attempts are rate-limited per email+source and per source.
import { z } from "zod";
import type { Executor } from "@/db/database";
import { findUserByEmail, normaliseEmail } from "@/db/queries/users";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";
import { verifyPassword } from "./password";

export const passwordSignInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
}

export async function signInWithPassword(db: Executor, input: unknown, source: string): Promise<SignedInUser | null> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  await assertRateLimit("signInSource", source);
  await assertRateLimit("signIn", `${email}|${source}`);
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!user || !valid || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}
