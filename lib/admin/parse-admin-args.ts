// The admin tool's argv → a typed command, or the reason it is not one. Pure: no I/O, so every
// spelling mistake an operator can make is a row in a case table.
import { z } from "zod";
import { organisationKinds, roles, type OrganisationKind, type Role } from "@/db/schema";
import { parseScopes, type ApiScope } from "@/lib/api-keys/scopes";
import { parseOrganisationLists } from "@/lib/organisations/organisation-lists";

export type AdminCommand =
  | { kind: "help" }
  | { kind: "org-create"; slug: string; name: string; organisationKind: OrganisationKind; companyPrefixes: string[]; approvedDomains: string[] }
  | { kind: "org-list" }
  | { kind: "user-create"; email: string; organisationSlug: string; role: Role; passwordFromStdin: boolean; name: string | null }
  | { kind: "api-key-create"; organisationSlug: string; scopes: ApiScope[]; name: string; expiresInDays: number | null }
  | { kind: "api-key-revoke"; apiKeyId: string }
  | { kind: "api-key-list"; organisationSlug: string }
  | { kind: "signing-key-rotate" }
  | { kind: "signing-key-retire"; kid: string };

/**
 * Exit 2: the command line itself is wrong (unknown command or flag, missing argument) — the caller
 * should read the usage. Exit 1: well-formed, but a value is not acceptable (a bad GCP, an unknown scope).
 */
export type ParsedAdminArgs = { ok: true; command: AdminCommand } | { ok: false; exitCode: 1 | 2; message: string };

export const defaultApiKeyName = "admin CLI";
const maxExpiryDays = 3650;

// Slugs appear in console URLs (/console/<slug>): no leading or trailing hyphen.
const slugPattern = /^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
/** Console paths that are not an organisation (/console/cases): a brand with such a slug would be unreachable. */
const RESERVED_SLUGS = new Set(["cases"]);
const emailSchema = z.email();

type FlagKind = "value" | "switch";
interface Spec {
  positionals: readonly string[];
  flags: Readonly<Record<string, FlagKind>>;
  build(args: Args): ParsedAdminArgs;
}
interface Args {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

const usage = (message: string): ParsedAdminArgs => ({ ok: false, exitCode: 2, message });
const invalid = (message: string): ParsedAdminArgs => ({ ok: false, exitCode: 1, message });
const command = (parsed: AdminCommand): ParsedAdminArgs => ({ ok: true, command: parsed });
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

const specs: Record<string, Spec> = {
  "org create": {
    positionals: ["slug"],
    flags: { "--name": "value", "--kind": "value", "--gcp": "value", "--link-domains": "value" },
    build({ positionals: [slug = ""], values }) {
      if (!slugPattern.test(slug)) return invalid(`"${slug}" is not a slug: 2 to 63 lowercase letters, digits and hyphens, not starting or ending with a hyphen.`);
      if (RESERVED_SLUGS.has(slug)) return invalid(`"${slug}" is reserved for a console page; choose another slug.`);
      const name = values.get("--name")?.trim();
      if (name === undefined) return usage("org create needs --name.");
      if (name === "") return invalid("--name must not be empty.");
      const kind = values.get("--kind") ?? "brand";
      if (!isOneOf(organisationKinds, kind)) return invalid(`--kind must be one of ${organisationKinds.join(", ")}, not "${kind}".`);
      const lists = parseOrganisationLists(values.get("--gcp") ?? "", values.get("--link-domains") ?? "");
      if (!lists.ok) return invalid(Object.values(lists.errors).join(" "));
      return command({ kind: "org-create", slug, name, organisationKind: kind, ...lists.value });
    },
  },
  "org list": { positionals: [], flags: {}, build: () => command({ kind: "org-list" }) },
  "user create": {
    positionals: ["email"],
    flags: { "--org": "value", "--role": "value", "--name": "value", "--password-stdin": "switch" },
    build({ positionals: [rawEmail = ""], values, switches }) {
      const email = rawEmail.trim().toLowerCase();
      if (email.length > 320 || !emailSchema.safeParse(email).success) return invalid(`"${rawEmail}" is not an email address.`);
      const organisationSlug = values.get("--org");
      const role = values.get("--role");
      if (organisationSlug === undefined || role === undefined) return usage("user create needs --org and --role.");
      if (!isOneOf(roles, role)) return invalid(`--role must be one of ${roles.join(", ")}, not "${role}".`);
      const name = values.get("--name")?.trim() || null;
      return command({ kind: "user-create", email, organisationSlug, role, passwordFromStdin: switches.has("--password-stdin"), name });
    },
  },
  "api-key create": {
    positionals: [],
    flags: { "--org": "value", "--scopes": "value", "--name": "value", "--expires-in-days": "value" },
    build({ values }) {
      const organisationSlug = values.get("--org");
      const scopeList = values.get("--scopes");
      if (organisationSlug === undefined || scopeList === undefined) return usage("api-key create needs --org and --scopes.");
      const scopes = parseScopes(scopeList.split(","));
      if (!scopes.ok) return invalid(`Unknown scopes: ${scopes.unknown.join(", ")}.`);
      if (scopes.scopes.length === 0) return invalid("--scopes needs at least one scope.");
      const name = (values.get("--name") ?? defaultApiKeyName).trim();
      if (name === "" || name.length > 100) return invalid("--name must be 1 to 100 characters.");
      const days = values.get("--expires-in-days");
      const expiresInDays = days === undefined ? null : Number(days);
      if (expiresInDays !== null && !(/^\d+$/.test(days ?? "") && expiresInDays >= 1 && expiresInDays <= maxExpiryDays)) {
        return invalid(`--expires-in-days must be a whole number from 1 to ${maxExpiryDays}.`);
      }
      return command({ kind: "api-key-create", organisationSlug, scopes: scopes.scopes, name, expiresInDays });
    },
  },
  "api-key revoke": { positionals: ["id"], flags: {}, build: ({ positionals: [apiKeyId = ""] }) => command({ kind: "api-key-revoke", apiKeyId }) },
  "api-key list": {
    positionals: [],
    flags: { "--org": "value" },
    build({ values }) {
      const organisationSlug = values.get("--org");
      return organisationSlug === undefined ? usage("api-key list needs --org.") : command({ kind: "api-key-list", organisationSlug });
    },
  },
  "signing-key rotate": { positionals: [], flags: {}, build: () => command({ kind: "signing-key-rotate" }) },
  "signing-key retire": { positionals: ["kid"], flags: {}, build: ({ positionals: [kid = ""] }) => command({ kind: "signing-key-retire", kid }) },
};

export function parseAdminArgs(argv: readonly string[]): ParsedAdminArgs {
  if (argv.length === 0) return usage("No command given.");
  // Help wins wherever it appears, so `admin api-key create --help` never creates a key.
  if (argv.some((arg) => arg === "--help" || arg === "-h") || argv[0] === "help") return command({ kind: "help" });
  const [group = "", action = ""] = argv;
  const name = `${group} ${action}`;
  const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
  if (!spec) {
    const known = Object.keys(specs).filter((key) => key.startsWith(`${group} `));
    if (known.length === 0) return usage(`Unknown command "${group}".`);
    return usage(action === "" ? `"${group}" needs one of: ${known.join(", ")}.` : `Unknown command "${name}".`);
  }
  const args = tokenize(argv.slice(2), spec.flags);
  if (typeof args === "string") return usage(`${name}: ${args}`);
  if (args.positionals.length !== spec.positionals.length) {
    const expected = spec.positionals.map((p) => `<${p}>`).join(" ") || "no arguments";
    return usage(`${name} takes ${expected}; got ${args.positionals.length ? args.positionals.map((p) => `"${p}"`).join(" ") : "none"}.`);
  }
  return spec.build(args);
}

/** Flags as `--flag value` or `--flag=value`; `--` ends the flags. A string is the usage error. */
function tokenize(argv: readonly string[], flags: Spec["flags"]): Args | string {
  const args: Args = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("--")) {
      args.positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const kind = Object.hasOwn(flags, flag) ? flags[flag] : undefined;
    if (!kind) return `unknown option ${flag}${Object.keys(flags).length ? ` (options: ${Object.keys(flags).join(", ")})` : ""}.`;
    if (args.values.has(flag) || args.switches.has(flag)) return `${flag} is given twice.`;
    if (kind === "switch") {
      if (equals > 0) return `${flag} takes no value.`;
      args.switches.add(flag);
      continue;
    }
    const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
    if (value === undefined || (equals < 0 && value.startsWith("--"))) return `${flag} needs a value.`;
    args.values.set(flag, value);
  }
  return args;
}
