// Reads the GTIN-keyed part of a Digital Link path (/01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}])
// and its expiry attribute. The full GS1 parser replaces this once lib/gs1 lands.

export interface UnitPath {
  gtin: string;
  cpv: string | null;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
}

const QUALIFIER_ORDER = ["22", "10", "21"] as const;
const AI82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

function gtinCheckDigitValid(gtin: string): boolean {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(gtin[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(gtin[13]);
}

export function parseUnitPath(gtin: string, qualifiers: string[], expiryParam: string | null): UnitPath | null {
  if (!/^\d{14}$/.test(gtin) || !gtinCheckDigitValid(gtin)) return null;
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
