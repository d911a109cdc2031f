// Writes the demo data set in one transaction: either all of it lands or none of it does.
import { count } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { rebuildScanStats } from "@/db/queries/scan-stats";
import * as t from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, demoBrands, demoEmail } from "./catalogue";
import { demoLinks, demoProvenancePage, demoRecallNotice } from "./content";
import { planLifecycle } from "./lifecycle-plan";
import { createRandom } from "./random";
import { planScans } from "./scan-plan";

export interface SeedSummary {
  seeded: boolean;
  organisations: number;
  users: number;
  products: number;
  units: number;
  events: number;
  scans: number;
  cases: number;
}

const DEMO_SEED = 20_261_125;

async function insertChunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Seed the demo unless the database already holds organisations (seeding twice does nothing). */
export async function seedDemo(db: Database, options: { now?: Date } = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const [existing] = await db.select({ n: count() }).from(t.organisations);
  const empty = { seeded: false, organisations: 0, users: 0, products: 0, units: 0, events: 0, scans: 0, cases: 0 };
  if ((existing?.n ?? 0) > 0) return empty;

  const random = createRandom(DEMO_SEED);
  const lifecycle = planLifecycle(demoBrands, now, random);
  const field = planScans(lifecycle.units, now, random);
  // Hash outside the transaction: scrypt is slow on purpose, and the transaction should be short.
  const people = demoBrands.flatMap((brand) => [
    ...brand.people.map((p) => ({ brand, role: p.role, name: p.name, org: brand.slug })),
    { brand, role: "retailer" as const, name: brand.retailer.person, org: brand.retailer.slug },
  ]);
  const hashes = await Promise.all(people.map(() => hashPassword(DEMO_PASSWORD)));

  await db.transaction(async (tx) => {
    const orgIds = await insertOrganisations(tx);
    const userRows = await tx
      .insert(t.users)
      .values(people.map((p, i) => ({ email: demoEmail(p.role, p.brand), name: p.name, passwordHash: hashes[i], emailVerifiedAt: now })))
      .returning({ id: t.users.id });
    await tx.insert(t.memberships).values(people.map((p, i) => ({ organisationId: orgIds.get(p.org)!, userId: userRows[i]!.id, role: p.role })));

    const productIds = new Map<string, string>();
    for (const brand of demoBrands) {
      const rows = await tx
        .insert(t.products)
        .values(
          brand.products.map((p) => ({
            organisationId: orgIds.get(brand.slug)!,
            gtin: p.gtin,
            name: p.name,
            description: p.description,
            brandName: brand.name,
            category: p.category,
            facts: p.facts,
            intendedMarkets: p.intendedMarkets,
            verdictPolicy: { singleUse: p.singleUse, maxDistinctScanners: p.singleUse ? 3 : 10 },
          })),
        )
        .returning({ id: t.products.id, gtin: t.products.gtin });
      for (const r of rows) productIds.set(r.gtin, r.id);
    }
    const brandOf = (slug: string) => demoBrands.find((b) => b.slug === slug)!;

    const lotRows = await tx
      .insert(t.lots)
      .values(
        lifecycle.lots.map((l) => ({
          organisationId: orgIds.get(l.brandSlug)!,
          productId: productIds.get(l.gtin)!,
          gtin: l.gtin,
          lot: l.lot,
          productionDate: l.productionDate,
          expiryDate: l.expiryDate,
          site: brandOf(l.brandSlug).site.name,
        })),
      )
      .returning({ id: t.lots.id, gtin: t.lots.gtin, lot: t.lots.lot });
    const lotIds = new Map(lotRows.map((r) => [`${r.gtin}|${r.lot}`, r.id]));

    const unitIds = new Map<string, number>();
    await insertChunked(lifecycle.units, 500, async (chunk) => {
      const rows = await tx
        .insert(t.units)
        .values(
          chunk.map((u) => ({
            organisationId: orgIds.get(u.brandSlug)!,
            productId: productIds.get(u.gtin)!,
            gtin: u.gtin,
            serial: u.serial,
            lotId: lotIds.get(`${u.gtin}|${u.lot}`),
            lot: u.lot,
            expiryDate: u.expiryDate,
            status: u.status,
            statusSince: u.statusSince,
            statusEventTime: u.statusSince,
            markets: u.market && u.receivedAt ? [u.market] : [],
            commissionedAt: u.commissionedAt,
          })),
        )
        .returning({ id: t.units.id, gtin: t.units.gtin, serial: t.units.serial });
      for (const r of rows) unitIds.set(`${r.gtin}|${r.serial}`, r.id);
    });

    await insertChunked(lifecycle.events, 200, async (chunk) => {
      const rows = await tx
        .insert(t.epcisEvents)
        .values(
          chunk.map((e) => ({
            organisationId: orgIds.get(e.brandSlug)!,
            eventId: e.eventId,
            type: "ObjectEvent" as const,
            action: e.action,
            bizStep: e.bizStep,
            disposition: e.disposition,
            eventTime: e.eventTime,
            eventTimeZoneOffset: e.offset,
            recordTime: e.eventTime,
            readPoint: e.readPoint,
            bizLocation: e.bizLocation,
            document: e.document,
          })),
        )
        .returning({ id: t.epcisEvents.id });
      const links = chunk.flatMap((e, i) =>
        e.units.map((u) => ({ unitId: unitIds.get(`${u.gtin}|${u.serial}`)!, eventId: rows[i]!.id, role: "epc" as const, eventTime: e.eventTime })),
      );
      await insertChunked(links, 1000, (part) => tx.insert(t.unitEvents).values(part));
    });

    for (const lot of lifecycle.lots.filter((l) => l.recalledAt)) {
      await tx.insert(t.recalls).values({
        organisationId: orgIds.get(lot.brandSlug)!,
        productId: productIds.get(lot.gtin)!,
        gtin: lot.gtin,
        lots: [lot.lot],
        recallClass: "class_2",
        ...demoRecallNotice,
        startedAt: lot.recalledAt!,
      });
    }

    for (const brand of demoBrands) {
      const organisationId = orgIds.get(brand.slug)!;
      for (const product of brand.products) {
        await tx.insert(t.resolverLinks).values(
          demoLinks(product).map((l) => ({ ...l, organisationId, primaryKey: "01", primaryValue: product.gtin })),
        );
        await tx.insert(t.contentPages).values(
          brand.locales.map((locale) => ({
            organisationId,
            productId: productIds.get(product.gtin)!,
            locale,
            ...demoProvenancePage(brand, product, locale),
            status: "published" as const,
            publishedAt: now,
          })),
        );
      }
    }

    await insertChunked(field.scans, 500, (chunk) =>
      tx.insert(t.scans).values(
        chunk.map((s) => ({
          scannedAt: s.scannedAt,
          organisationId: s.brandSlug ? orgIds.get(s.brandSlug) : null,
          unitId: s.known ? unitIds.get(`${s.gtin}|${s.serial}`) : null,
          gtin: s.gtin,
          serial: s.serial,
          rawCode: s.known ? null : `/01/${s.gtin}/21/${s.serial}`,
          country: s.place.country,
          region: s.place.region,
          latitude: s.place.latitude,
          longitude: s.place.longitude,
          sourceFingerprint: s.sourceFingerprint,
          deviceFingerprint: s.deviceFingerprint,
          userAgentClass: s.userAgentClass,
          verdict: s.verdict,
          risk: s.risk,
          reasons: s.reasons,
        })),
      ),
    );

    // The seed writes scans directly (not through insertScans): roll them up for the insights page.
    await rebuildScanStats(tx);

    const caseNumbers = new Map<string, number>();
    for (const c of field.cases) {
      const number = (caseNumbers.get(c.brandSlug) ?? 0) + 1;
      caseNumbers.set(c.brandSlug, number);
      const organisationId = orgIds.get(c.brandSlug)!;
      // Opened when the clones were first seen, as the verdict pipeline would have done it.
      const [opened] = await tx
        .insert(t.cases)
        .values({ ...c, organisationId, number, unitId: unitIds.get(`${c.gtin}|${c.serial}`), productId: productIds.get(c.gtin), createdAt: c.firstSeenAt, updatedAt: c.lastSeenAt })
        .returning({ id: t.cases.id });
      await tx.insert(t.caseActivities).values({ caseId: opened!.id, organisationId, kind: "opened", body: `Opened by ${c.rules.join(", ")}`, createdAt: c.firstSeenAt });
    }

    // An alert rule per brand, so the alerts page starts with an example: critical cases e-mail the analyst.
    await tx.insert(t.alertRules).values(
      demoBrands.map((b) => ({
        organisationId: orgIds.get(b.slug)!,
        name: "Critical cases to the analyst",
        events: ["case.opened", "case.status_changed"],
        minSeverity: "critical" as const,
        emails: [demoEmail("analyst", b)],
      })),
    );

    await tx.insert(t.auditLog).values(
      [...orgIds.values()].map((organisationId) => ({ organisationId, action: "demo.seeded", metadata: { seed: DEMO_SEED } })),
    );
  });

  return {
    seeded: true,
    organisations: demoBrands.length * 2,
    users: people.length,
    products: demoBrands.reduce((n, b) => n + b.products.length, 0),
    units: lifecycle.units.length,
    events: lifecycle.events.length,
    scans: field.scans.length,
    cases: field.cases.length,
  };
}

async function insertOrganisations(tx: Transaction): Promise<Map<string, string>> {
  const rows = await tx
    .insert(t.organisations)
    .values(
      demoBrands.flatMap((b) => [
        {
          slug: b.slug,
          name: b.name,
          kind: "brand" as const,
          companyPrefixes: [b.companyPrefix],
          approvedDomains: [`www.${b.domain}`],
          settings: { locales: b.locales, retailerVerification: "listed" as const, websiteUrl: `https://www.${b.domain}` },
        },
        { slug: b.retailer.slug, name: b.retailer.name, kind: "retailer" as const, settings: { locales: b.locales.slice(0, 1) } },
      ]),
    )
    .returning({ id: t.organisations.id, slug: t.organisations.slug });
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  await tx
    .insert(t.retailerGrants)
    .values(demoBrands.map((b) => ({ brandId: ids.get(b.slug)!, retailerId: ids.get(b.retailer.slug)! })));
  return ids;
}
