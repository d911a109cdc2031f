// Runs a parsed admin command against a database and returns what to print, so scripts/admin.ts
// is only terminal plumbing and tests need no child process.
import type { Database } from "@/db/database";
import { authSecret } from "@/lib/config/auth-secret";
import { done, refused, type AdminContext, type AdminResult } from "./admin-result";
import { adminUsage } from "./admin-usage";
import {
  createApiKeyCommand,
  listApiKeysCommand,
  retireSigningKeyCommand,
  revokeApiKeyCommand,
  rotateSigningKeyCommand,
} from "./api-key-commands";
import { createOrganisationCommand, listOrganisationsCommand } from "./organisation-commands";
import { parseAdminArgs, type AdminCommand, type ParsedAdminArgs } from "./parse-admin-args";
import { createUserCommand } from "./user-commands";

export type { AdminContext, AdminResult } from "./admin-result";

/** Help needs no database; everything else does. */
export function commandNeedsDatabase(command: AdminCommand): boolean {
  return command.kind !== "help";
}

/** These sign or encrypt with AUTH_SECRET, so the caller must make sure it exists before running them. */
export function commandNeedsSecret(command: AdminCommand): boolean {
  return command.kind === "api-key-create" || command.kind === "signing-key-rotate";
}

/** A command line that did not parse: the message, and the usage when the shape was wrong. */
export function parseFailureResult(parsed: Extract<ParsedAdminArgs, { ok: false }>): AdminResult {
  return refused(parsed.exitCode === 2 ? `${parsed.message}\n\n${adminUsage}` : parsed.message, parsed.exitCode);
}

export function helpResult(): AdminResult {
  return done([adminUsage]);
}

export async function runAdminCommand(command: AdminCommand, context: AdminContext): Promise<AdminResult> {
  switch (command.kind) {
    case "help":
      return helpResult();
    case "org-create":
      return createOrganisationCommand(context, command);
    case "org-list":
      return listOrganisationsCommand(context);
    case "user-create":
      return createUserCommand(context, command);
    case "api-key-create":
      return createApiKeyCommand(context, command);
    case "api-key-list":
      return listApiKeysCommand(context, command);
    case "api-key-revoke":
      return revokeApiKeyCommand(context, command);
    case "signing-key-rotate":
      return rotateSigningKeyCommand(context);
    case "signing-key-retire":
      return retireSigningKeyCommand(context, command);
  }
}

/**
 * Parse and run in one step, against a database that is already open (tests, and any caller that
 * holds a handle). Unset context members default to the process's own: AUTH_SECRET, no stdin, now.
 */
export async function runAdmin(
  db: Database,
  argv: readonly string[],
  context: Partial<Omit<AdminContext, "db">> = {},
): Promise<AdminResult> {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) return parseFailureResult(parsed);
  return runAdminCommand(parsed.command, {
    db,
    secret: context.secret ?? authSecret,
    readStdin: context.readStdin ?? (async () => ""),
    now: context.now ?? (() => new Date()),
  });
}
