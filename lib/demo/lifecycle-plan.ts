// Simulates each demo lot's life as EPCIS events: commissioning, shipping to markets, receiving,
// sale or dispensing, and the lots' special fates (a recall, a stolen shipment). Pure: no I/O.
import type { UnitStatus } from "@/db/schema";
import { elementsToEpcUrn } from "@/lib/gs1";
import type { DemoBrand, DemoLot, DemoProduct } from "./catalogue";
import type { Random } from "./random";
import { showcaseUnits, type ShowcaseUnit } from "./showcase";
import { addDays, addMonths, daysBefore, isoDate, localTime, marketOffsets, monthsBefore } from "./time";

export interface PlannedUnit {
  brandSlug: string;
  gtin: string;
  serial: string;
  lot: string;
  expiryDate: string | null;
  status: UnitStatus;
  statusSince: Date;
  commissionedAt: Date;
  market: string | null;
  receivedAt: Date | null;
  soldAt: Date | null;
  showcase: ShowcaseUnit | undefined;
}

export interface PlannedEvent {
  brandSlug: string;
  eventId: string;
  bizStep: string;
  disposition: string;
  action: "ADD" | "OBSERVE";
  eventTime: Date;
  offset: string;
  readPoint: string;
  bizLocation: string | null;
  document: Record<string, unknown>;
  units: { gtin: string; serial: string }[];
}

export interface PlannedLot {
  brandSlug: string;
  gtin: string;
  lot: string;
  productionDate: string;
  expiryDate: string | null;
  recalledAt: Date | null;
}

export interface LifecyclePlan {
  lots: PlannedLot[];
  units: PlannedUnit[];
  events: PlannedEvent[];
}

const SHIPMENT_SIZE = 30;

/** The SGTIN EPC URN of a demo unit (lib/gs1 does the encoding; demo data is always valid). */
export function sgtinUrn(gtin: string, companyPrefixLength: number, serial: string): string {
  const urn = elementsToEpcUrn([{ ai: "01", value: gtin }, { ai: "21", value: serial }], companyPrefixLength);
  if (!urn.ok) throw new Error(`demo EPC for ${gtin}/${serial}: ${urn.error.message}`);
  return urn.value;
}

export function planLifecycle(brands: DemoBrand[], now: Date, random: Random): LifecyclePlan {
  const plan: LifecyclePlan = { lots: [], units: [], events: [] };
  for (const brand of brands) {
    for (const product of brand.products) {
      for (const lot of product.lots) planLot(plan, brand, product, lot, now, random);
    }
  }
  return plan;
}

function planLot(plan: LifecyclePlan, brand: DemoBrand, product: DemoProduct, lot: DemoLot, now: Date, random: Random) {
  const producedAt = monthsBefore(now, lot.producedMonthsAgo);
  const expiry = lot.shelfLifeMonths > 0 ? isoDate(addMonths(producedAt, lot.shelfLifeMonths)) : null;
  const sellStep = product.category === "pharmaceutical" ? ["dispensing", "dispensed"] : ["retail_selling", "retail_sold"];
  const epc = (serial: string) => sgtinUrn(product.gtin, brand.companyPrefix.length, serial);
  const event = (
    bizStep: string,
    disposition: string,
    at: Date,
    offset: string,
    readPoint: string,
    units: PlannedUnit[],
    extra: Record<string, unknown> = {},
  ) => {
    const eventId = `urn:uuid:${random.uuid()}`;
    const action = bizStep === "commissioning" ? "ADD" : "OBSERVE";
    const bizLocation = (extra.bizLocation as { id: string } | undefined)?.id ?? null;
    plan.events.push({
      brandSlug: brand.slug,
      eventId,
      bizStep,
      disposition,
      action,
      eventTime: at,
      offset,
      readPoint,
      bizLocation,
      units: units.map((u) => ({ gtin: u.gtin, serial: u.serial })),
      document: {
        type: "ObjectEvent",
        eventID: eventId,
        eventTime: localTime(at, offset),
        eventTimeZoneOffset: offset,
        epcList: units.map((u) => epc(u.serial)),
        action,
        bizStep,
        disposition,
        readPoint: { id: readPoint },
        ...extra,
      },
    });
  };

  const featured = showcaseUnits.filter((s) => s.gtin === product.gtin && s.lot === lot.lot);
  const units: PlannedUnit[] = [];
  const serials = new Set(featured.map((s) => s.serial));
  for (let i = 0; units.length < lot.units; i++) {
    const showcase = featured[i];
    let serial = showcase?.serial ?? random.code(10);
    while (!showcase && serials.has(serial)) serial = random.code(10);
    serials.add(serial);
    units.push({
      brandSlug: brand.slug,
      gtin: product.gtin,
      serial,
      lot: lot.lot,
      expiryDate: expiry,
      status: "commissioned",
      statusSince: producedAt,
      commissionedAt: producedAt,
      market: showcase?.market ?? null,
      receivedAt: null,
      soldAt: null,
      showcase,
    });
  }
  plan.lots.push({ brandSlug: brand.slug, gtin: product.gtin, lot: lot.lot, productionDate: isoDate(producedAt), expiryDate: expiry, recalledAt: null });
  plan.units.push(...units);

  event("commissioning", "active", producedAt, brand.site.timeZoneOffset, brand.site.sgln, units, {
    bizLocation: { id: brand.site.sgln },
    ilmd: {
      "cbvmda:lotNumber": lot.lot,
      ...(expiry ? { "cbvmda:itemExpirationDate": expiry } : {}),
      "cbvmda:productionDate": isoDate(producedAt),
    },
  });

  // Assign markets: showcase units keep theirs, the rest take the product's markets in turn.
  const unshipped = Math.floor(units.length * (lot.unshippedShare ?? 0));
  const shippable = units.slice(0, units.length - unshipped);
  shippable.forEach((u, i) => {
    u.market ??= product.intendedMarkets[Math.floor(i / SHIPMENT_SIZE) % product.intendedMarkets.length] ?? null;
  });
  const byMarket = new Map<string, PlannedUnit[]>();
  for (const u of shippable) byMarket.set(u.market!, [...(byMarket.get(u.market!) ?? []), u]);

  let stolenShipmentPending = lot.fate === "stolen_shipment";
  for (const [market, marketUnits] of byMarket) {
    for (let i = 0; i < marketUnits.length; i += SHIPMENT_SIZE) {
      const shipment = marketUnits.slice(i, i + SHIPMENT_SIZE);
      const offset = marketOffsets[market] ?? "+00:00";
      const destination = brand.marketLocations[market] ?? brand.site.sgln;
      const shippedAt = addDays(producedAt, random.int(5, 20));
      event("shipping", "in_transit", shippedAt, brand.site.timeZoneOffset, brand.site.sgln, shipment, {
        destinationList: [{ type: "urn:epcglobal:cbv:sdt:location", destination }],
      });
      for (const u of shipment) Object.assign(u, { status: "in_transit", statusSince: shippedAt });

      const stolen = stolenShipmentPending && (shipment.some((u) => u.showcase?.fate === "stolen") || !units.some((u) => u.showcase?.fate === "stolen"));
      if (stolen) {
        stolenShipmentPending = false;
        const reportedAt = addDays(shippedAt, 1);
        event("holding", "stolen", reportedAt, offset, destination, shipment);
        for (const u of shipment) Object.assign(u, { status: "stolen", statusSince: reportedAt });
        continue;
      }

      const receivedAt = addDays(shippedAt, random.int(2, 5));
      event("receiving", "sellable_not_accessible", receivedAt, offset, destination, shipment, { bizLocation: { id: destination } });
      for (const u of shipment) Object.assign(u, { status: "sellable", statusSince: receivedAt, receivedAt });

      for (const u of shipment) {
        const fate = u.showcase?.fate;
        const sells = fate ? fate === "retail_sold" || fate === "dispensed" || fate === "clone" : random.chance(0.5);
        if (!sells) continue;
        // Nothing of a recalled lot sells after the recall; showcase sales lie well in the past.
        const latest = daysBefore(now, lot.fate === "recalled" ? 13 : fate ? 20 : 1);
        const soldAt = new Date(Math.min(addDays(receivedAt, random.int(3, 60)).getTime(), latest.getTime()));
        if (soldAt <= receivedAt) continue;
        event(sellStep[0]!, sellStep[1]!, soldAt, offset, destination, [u], { bizLocation: { id: destination } });
        Object.assign(u, { status: sellStep[1], statusSince: soldAt, soldAt });
      }
    }
  }

  if (lot.fate === "recalled") {
    const recalledAt = daysBefore(now, 12);
    plan.lots[plan.lots.length - 1]!.recalledAt = recalledAt;
    // Packs already dispensed stay so; the recall notice still reaches their holders through the recall record.
    const affected = units.filter((u) => u.status === "sellable" || u.status === "in_transit" || u.status === "commissioned");
    event("holding", "recalled", recalledAt, brand.site.timeZoneOffset, brand.site.sgln, affected);
    for (const u of affected) Object.assign(u, { status: "recalled", statusSince: recalledAt });
  }
}
