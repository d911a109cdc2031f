// Organisations (brands and retailers) and their settings.
import { eq } from "drizzle-orm";
import type { Executor } from "../database";
import { organisations, type OrganisationKind, type OrganisationSettings } from "../schema";

export async function findOrganisationBySlug(db: Executor, slug: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return org;
}

export async function findOrganisationById(db: Executor, id: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return org;
}

export async function createOrganisation(
  db: Executor,
  input: { slug: string; name: string; kind: OrganisationKind; companyPrefixes?: string[]; approvedDomains?: string[] },
) {
  const [org] = await db
    .insert(organisations)
    .values({
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      companyPrefixes: input.companyPrefixes ?? [],
      approvedDomains: input.approvedDomains ?? [],
    })
    .returning();
  return org!;
}

export async function updateOrganisation(
  db: Executor,
  organisationId: string,
  changes: { name?: string; companyPrefixes?: string[]; approvedDomains?: string[]; settings?: OrganisationSettings },
) {
  const [org] = await db
    .update(organisations)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(organisations.id, organisationId))
    .returning();
  return org;
}
