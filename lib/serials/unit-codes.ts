// What is printed and exported for one serialized unit: its AI data, element string, Digital Link, HRI.
import { arrangeDigitalLink, getAiEntry, renderDigitalLink, toBracketed, toHri, validateAiValue, type AiValue } from "@/lib/gs1";

export interface UnitIdentity {
  gtin: string;
  lot: string | null;
  /** ISO date (YYYY-MM-DD), as the database stores it. */
  expiryDate: string | null;
  serial: string;
}

export interface UnitCodes {
  elements: AiValue[];
  /** Bracketed element string, the GS1 DataMatrix content: (01)…(17)…(10)…(21)…. */
  elementString: string;
  digitalLink: string;
  hri: string;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** AI 17 is YYMMDD; GS1 reads the century from a sliding window, so only 2000–2099 is written here. */
export function expiryToAi17(expiryDate: string): string | null {
  const match = isoDate.exec(expiryDate);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(`${expiryDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== expiryDate) return null;
  if (!year.startsWith("20")) return null;
  return `${year.slice(2)}${month}${day}`;
}

/** Null when the lot is a valid AI (10) value (CSET 82, 1..20), else the reason. */
export function lotProblem(lot: string): string | null {
  const entry = getAiEntry("10");
  if (!entry) return "AI (10) is missing from the GS1 dictionary.";
  const result = validateAiValue("10", entry, lot, 0);
  return result.ok ? null : result.error.message;
}

/** AI data in element-string order: fixed-length AIs first (01, 17), then lot and serial. */
export function unitElements(unit: UnitIdentity): AiValue[] {
  const elements: AiValue[] = [{ ai: "01", value: unit.gtin }];
  const ai17 = unit.expiryDate ? expiryToAi17(unit.expiryDate) : null;
  if (ai17) elements.push({ ai: "17", value: ai17 });
  if (unit.lot) elements.push({ ai: "10", value: unit.lot });
  elements.push({ ai: "21", value: unit.serial });
  return elements;
}

/**
 * Codes for every unit of one batch. GTIN, lot and expiry are shared, so the Digital Link is arranged
 * once and only the serial is escaped per unit: exports call this a million times.
 */
export function createUnitCoder(stem: string, shared: Omit<UnitIdentity, "serial">): (serial: string) => UnitCodes {
  const template = arrangeDigitalLink(unitElements({ ...shared, serial: "0" }));
  if (!template.ok) throw new Error(`cannot build a Digital Link for GTIN ${shared.gtin}: ${template.error.message}`);
  const { primaryKey, qualifiers, attributes } = template.value;
  const serialIndex = qualifiers.findIndex((q) => q.ai === "21");
  const hriPrefix = toHri(unitElements({ ...shared, serial: "0" }).slice(0, -1));
  return (serial) => {
    const elements = unitElements({ ...shared, serial });
    const pathQualifiers = qualifiers.map((q, i) => (i === serialIndex ? { ai: "21", value: serial } : q));
    return {
      elements,
      elementString: toBracketed(elements),
      digitalLink: renderDigitalLink({ primaryKey, qualifiers: pathQualifiers, attributes }, stem),
      hri: `${hriPrefix} (21) ${serial}`,
    };
  };
}

/** A stem must be an absolute http(s) URL; the brand's resolver domain in production. */
export function isValidStem(stem: string): boolean {
  try {
    const url = new URL(stem);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash;
  } catch {
    return false;
  }
}
