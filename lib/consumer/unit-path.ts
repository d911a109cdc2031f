// Reads the GTIN-keyed part of a Digital Link path (/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}])
// and its expiry attribute, for the unit page until the conformant resolver (issue 6) routes scans
// through lib/gs1's parseDigitalLink.
import { hasValidCheckDigit } from "@/lib/gs1";

export interface UnitPath {
  gtin: string;
  cpv: string | null;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
}

const QUALIFIER_ORDER = ["22", "10", "21"] as const;
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

export function parseUnitPath(gtin: string, qualifiers: string[], expiryParam: string | null): UnitPath | null {
  if (!/^\d{14}$/.test(gtin) || !hasValidCheckDigit(gtin)) return null;
  const path: UnitPath = { gtin, cpv: null, lot: null, serial: null, expiry: null };
  if (qualifiers.length % 2 !== 0) return null;
  let position = 0;
  for (let i = 0; i < qualifiers.length; i += 2) {
    const ai = qualifiers[i]!;
    const value = decodeURIComponent(qualifiers[i + 1]!);
    const index = QUALIFIER_ORDER.indexOf(ai as (typeof QUALIFIER_ORDER)[number]);
    if (index < position || !AI82.test(value)) return null;
    position = index + 1;
    if (ai === "22") path.cpv = value;
    if (ai === "10") path.lot = value;
    if (ai === "21") path.serial = value;
  }
  if (expiryParam !== null) {
    if (!/^\d{6}$/.test(expiryParam)) return null;
    path.expiry = expiryParam;
  }
  return path;
}
