// user create: the person (if new) and their membership, idempotently, so a bootstrap script can
// run again after a partial failure.
import { appendAudit } from "@/db/queries/audit";
import { addMembership, changeRole, findMembershipBySlug, LastOwnerError } from "@/db/queries/memberships";
import { findOrganisationBySlug } from "@/db/queries/organisations";
import { createUser, findUserByEmail } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { auditVia, done, isUniqueViolation, refused, type AdminContext, type AdminResult } from "./admin-result";
import type { AdminCommand } from "./parse-admin-args";

type UserCreate = Extract<AdminCommand, { kind: "user-create" }>;

// The same bounds as accepting an invitation with a password.
const minPasswordLength = 12;
const maxPasswordLength = 1024;

/** The first line of standard input: `echo "$PASSWORD" | …` and a typed line both end in a newline. */
export function passwordFromStdin(stdin: string): { ok: true; password: string } | { ok: false; message: string } {
  const password = stdin.split(/\r?\n/, 1)[0] ?? "";
  if (password.length < minPasswordLength) return { ok: false, message: `The password on standard input must be at least ${minPasswordLength} characters.` };
  if (password.length > maxPasswordLength) return { ok: false, message: `The password on standard input must be at most ${maxPasswordLength} characters.` };
  return { ok: true, password };
}

export async function createUserCommand(context: AdminContext, command: UserCreate): Promise<AdminResult> {
  const { db } = context;
  const organisation = await findOrganisationBySlug(db, command.organisationSlug);
  if (!organisation) return refused(`No organisation with the slug "${command.organisationSlug}" (see \`org list\`).`);

  // Read and check the password before writing anything, so a bad one leaves no half-made user.
  let password: string | null = null;
  if (command.passwordFromStdin) {
    const read = passwordFromStdin(await context.readStdin());
    if (!read.ok) return refused(read.message);
    password = read.password;
  }

  const existing = await findUserByEmail(db, command.email);
  const notes: string[] = [];
  if (existing && password !== null) {
    // Changing someone's password is theirs to do; the tool only sets one for a new account.
    notes.push(`${existing.email} already exists: their password is unchanged.`);
  }
  if (existing?.disabledAt) notes.push(`Note: ${existing.email} is disabled and cannot sign in.`);
  const previous = existing ? await findMembershipBySlug(db, existing.id, organisation.slug) : undefined;
  if (previous?.role === command.role) {
    return done([`${command.email} is already ${command.role} of ${organisation.slug}; nothing changed.`], notes);
  }
  // scrypt takes a while: hash before the transaction, not while holding its locks.
  const passwordHash = !existing && password !== null ? await hashPassword(password) : null;

  try {
    const user = await db.transaction(async (tx) => {
      const person = existing ?? (await createUser(tx, { email: command.email, name: command.name, passwordHash }));
      // changeRole keeps the rule the console keeps: an organisation never loses its last owner.
      if (previous) await changeRole(tx, organisation.id, person.id, command.role);
      else await addMembership(tx, organisation.id, person.id, command.role);
      await appendAudit(tx, {
        organisationId: organisation.id,
        action: previous ? "member.role_changed" : "member.added",
        targetType: "user",
        targetId: person.id,
        metadata: { ...auditVia, email: person.email, ...(previous ? { from: previous.role, to: command.role } : { role: command.role, newAccount: !existing }) },
      });
      return person;
    });
    const summary = previous
      ? `${user.email} is now ${command.role} of ${organisation.slug} (was ${previous.role}).`
      : `${existing ? "Added" : "Created"} ${user.email} as ${command.role} of ${organisation.slug}, user id ${user.id}.`;
    if (!existing && passwordHash === null) notes.push("No password set: they can sign in through SSO, or once a password is set.");
    return done([summary], notes);
  } catch (error) {
    if (error instanceof LastOwnerError) return refused(`${command.email} is the last owner of ${organisation.slug}. ${error.message}`);
    if (isUniqueViolation(error)) return refused(`${command.email} was created by another process meanwhile; run the command again.`);
    throw error;
  }
}
