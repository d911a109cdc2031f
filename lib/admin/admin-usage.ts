// The admin tool's help text (kept beside the parser so the two are read and changed together).
import { organisationKinds, roles } from "@/db/schema";
import { apiScopes } from "@/lib/api-keys/scopes";

export const adminUsage = [
  "Usage: npm run -s admin -- <command> [options]",
  "",
  "Organisations",
  '  org create <slug> --name "<name>" [--kind brand|retailer] [--gcp <prefix,…>] [--link-domains <domain,…>]',
  "  org list",
  "People",
  '  user create <email> --org <slug> --role <role> [--password-stdin] [--name "<name>"]',
  "      creates the person if new and gives them the role (again: updates it); --password-stdin reads",
  "      the password (12 characters or more) from the first line of standard input",
  "API keys",
  "  api-key create --org <slug> --scopes <scope,…> [--name <name>] [--expires-in-days <n>]",
  "      prints only the token on standard output; it is shown once",
  "  api-key list --org <slug>",
  "  api-key revoke <id>",
  "Signing keys",
  "  signing-key rotate           a new key signs from now on; older ones still verify",
  "  signing-key retire <kid>     tokens signed by <kid> are refused from now on",
  "",
  `Roles: ${roles.join(", ")}. Kinds: ${organisationKinds.join(", ")}.`,
  `Scopes: ${apiScopes.join(", ")}.`,
  "",
  "Exit status: 0 done, 1 refused (bad value, unknown organisation, database unavailable), 2 usage error.",
  "The embedded database is locked by a running server: stop it first, or set DATABASE_URL.",
].join("\n");
