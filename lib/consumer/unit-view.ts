// Everything the consumer page shows for a scanned code, in the visitor's language.
import type { Executor } from "@/db/database";
import { findProductByGtin, findUnit, listActiveRecalls, listProvenancePages, listUnitHistory } from "@/db/queries/units";
import { localized, negotiateLocale } from "@/lib/i18n/negotiate-locale";
import type { UnitStatus } from "@/db/schema";
import { journeyStepOf, type JourneyStep } from "./journey-steps";
import { describeLifecycleStep, summarizeStatus, unknownUnit, type StatusSummary } from "./status-summary";
import type { UnitPath } from "./unit-path";

export interface UnitView {
  locale: string;
  brand: { name: string } | null;
  product: {
    gtin: string;
    name: string;
    description: string;
    facts: { label: string; value: string }[];
    image: { url: string; alt: string; width: number | null; height: number | null } | null;
  } | null;
  /** Only a released unit: an unreleased one reads like an unknown serial. */
  unit: {
    serial: string;
    lot: string | null;
    expiryDate: string | null;
    status: UnitStatus;
    /** ISO 3166-1 alpha-2 markets it was shipped to. */
    markets: string[];
    /** The batch's production date, ISO YYYY-MM-DD, when the brand recorded one. */
    producedOn: string | null;
  } | null;
  summary: StatusSummary | null;
  recalls: { title: string; message: string; action: string; moreInfoUrl: string | null; startedAt: Date }[];
  journey: { label: string; step: JourneyStep; at: Date; offset: string }[];
  provenance: { title: string; body: string } | null;
}

/** options.locale: the page's language, chosen by the caller; otherwise the product's best match for Accept-Language. */
export async function loadUnitView(
  db: Executor,
  code: UnitPath,
  acceptLanguage: string | null,
  now = new Date(),
  options: { locale?: string } = {},
): Promise<UnitView> {
  const found = await findProductByGtin(db, code.gtin);
  if (!found) {
    return { locale: options.locale ?? "en", brand: null, product: null, unit: null, summary: unknownUnit, recalls: [], journey: [], provenance: null };
  }
  const { product, brand } = found;
  const locale = options.locale ?? negotiateLocale(acceptLanguage, Object.keys(product.name), "en");
  const record = code.serial ? await findUnit(db, code.gtin, code.serial) : undefined;
  // An unreleased unit reads like an unknown one outside the brand (no serial harvesting).
  const released = record && record.unit.status !== "issued" && record.unit.status !== "commissioned";
  const unit = released ? record.unit : null;
  const image = product.images[0];
  const lot = unit?.lot ?? code.lot;

  const [recalls, journey, pages] = await Promise.all([
    listActiveRecalls(db, brand.id, code.gtin, lot, now),
    unit ? listUnitHistory(db, brand.id, unit.id) : Promise.resolve([]),
    listProvenancePages(db, brand.id, product.id, [...new Set([locale, "en"])]),
  ]);
  const page = pages.find((p) => p.locale === locale && p.lotId === null) ?? pages.find((p) => p.lotId === null) ?? null;

  return {
    locale,
    brand: { name: brand.name },
    product: {
      gtin: product.gtin,
      name: localized(product.name, locale),
      description: localized(product.description, locale),
      facts: product.facts.map((f) => ({ label: localized(f.label, locale), value: localized(f.value, locale) })),
      image: image ? { url: image.url, alt: localized(image.alt, locale), width: image.width ?? null, height: image.height ?? null } : null,
    },
    unit: unit
      ? {
          serial: unit.serial,
          lot: unit.lot,
          expiryDate: unit.expiryDate,
          status: unit.status,
          markets: unit.markets,
          producedOn: record?.lot?.productionDate ?? null,
        }
      : null,
    summary: code.serial === null ? null : unit ? summarizeStatus(unit.status, unit.expiryDate, now.toISOString().slice(0, 10)) : unknownUnit,
    recalls: recalls.map((r) => ({
      title: localized(r.title, locale),
      message: localized(r.message, locale),
      action: localized(r.action, locale),
      moreInfoUrl: r.moreInfoUrl,
      startedAt: r.startedAt,
    })),
    journey: journey.map((e) => ({
      label: describeLifecycleStep(e.bizStep, e.disposition),
      step: journeyStepOf(e.bizStep, e.disposition),
      at: e.eventTime,
      offset: e.eventTimeZoneOffset,
    })),
    provenance: page ? { title: page.title, body: page.body } : null,
  };
}
