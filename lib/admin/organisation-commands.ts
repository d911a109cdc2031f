// org create / org list.
import { asc } from "drizzle-orm";
import type { Executor } from "@/db/database";
import { appendAudit } from "@/db/queries/audit";
import { createOrganisation, findOrganisationBySlug } from "@/db/queries/organisations";
import { organisations } from "@/db/schema";
import { auditVia, done, formatTable, isUniqueViolation, refused, type AdminContext, type AdminResult } from "./admin-result";
import type { AdminCommand } from "./parse-admin-args";

type Command<K extends AdminCommand["kind"]> = Extract<AdminCommand, { kind: K }>;

export async function createOrganisationCommand(context: AdminContext, command: Command<"org-create">): Promise<AdminResult> {
  const taken = () => refused(`An organisation with the slug "${command.slug}" already exists; choose another slug.`);
  if (await findOrganisationBySlug(context.db, command.slug)) return taken();
  try {
    const organisation = await context.db.transaction(async (tx) => {
      const created = await createOrganisation(tx, {
        slug: command.slug,
        name: command.name,
        kind: command.organisationKind,
        companyPrefixes: command.companyPrefixes,
        approvedDomains: command.approvedDomains,
      });
      await appendAudit(tx, {
        organisationId: created.id,
        action: "organisation.created",
        targetType: "organisation",
        targetId: created.id,
        metadata: { ...auditVia, slug: created.slug, name: created.name, kind: created.kind, companyPrefixes: created.companyPrefixes, approvedDomains: created.approvedDomains },
      });
      return created;
    });
    return done([`Created ${organisation.kind} ${organisation.slug} (${organisation.name}), id ${organisation.id}.`]);
  } catch (error) {
    // Another process created the same slug between the check and the insert.
    if (isUniqueViolation(error)) return taken();
    throw error;
  }
}

export async function listOrganisationsCommand(context: AdminContext): Promise<AdminResult> {
  const rows = await listAllOrganisations(context.db);
  if (rows.length === 0) return done([], ["No organisations yet: create one with `org create`."]);
  return done(
    formatTable(
      ["SLUG", "KIND", "NAME", "GCPS"],
      rows.map((row) => [row.slug, row.kind, row.name, row.companyPrefixes.join(",") || "-"]),
    ),
  );
}

/**
 * Every tenant at once: only an operator may see this, which is why it lives with the admin tool
 * and not among the tenant-scoped queries in db/queries.
 */
async function listAllOrganisations(db: Executor) {
  return db
    .select({ slug: organisations.slug, kind: organisations.kind, name: organisations.name, companyPrefixes: organisations.companyPrefixes })
    .from(organisations)
    .orderBy(asc(organisations.slug));
}
