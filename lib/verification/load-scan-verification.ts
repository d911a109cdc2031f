// GET /api/scans/{ref} and the verification page: one recorded scan's verdict with the unit as it
// stands now. Refs are random UUIDs handed only to whoever scanned, so knowing one is the permission.
import type { Executor } from "@/db/database";
import { findScanByRef } from "@/db/queries/scans";
import { findProductByGtin, findUnit } from "@/db/queries/units";
import { localized, negotiateLocale } from "@/lib/i18n/negotiate-locale";
import { publicVerification, type PublicVerification } from "./public-verification";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Null when no scan has this ref (or it is no UUID): the caller answers 404. */
export async function loadScanVerification(db: Executor, ref: string, acceptLanguage: string | null): Promise<PublicVerification | null> {
  if (!UUID.test(ref)) return null;
  const scan = await findScanByRef(db, ref.toLowerCase());
  if (!scan || scan.ref === null || scan.gtin === null || scan.serial === null) return null;
  const [product, record] = await Promise.all([findProductByGtin(db, scan.gtin), scan.unitId !== null ? findUnit(db, scan.gtin, scan.serial) : undefined]);
  const locale = product ? negotiateLocale(acceptLanguage, Object.keys(product.product.name), "en") : "en";
  return publicVerification({
    ref: scan.ref,
    scannedAt: scan.scannedAt,
    code: { gtin: scan.gtin, serial: scan.serial, lot: scan.codeLot, expiry: scan.codeExpiry },
    verdict: scan.verdict ? { level: scan.verdict, risk: scan.risk, codes: scan.reasons } : null,
    productName: product ? localized(product.product.name, locale) : null,
    unit: record ? { lot: record.unit.lot, expiryDate: record.unit.expiryDate, status: record.unit.status } : null,
  });
}
