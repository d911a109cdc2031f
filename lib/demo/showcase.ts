// Units the home page offers as demo scans, one for each answer genuine gives. Their serials are
// fixed so the links stay the same; the seed shapes each unit's history to fit its story.

export type ShowcaseFate = "sellable" | "retail_sold" | "dispensed" | "recalled" | "stolen" | "clone";

export interface ShowcaseUnit {
  key: string;
  gtin: string;
  lot: string;
  serial: string;
  market: string;
  fate: ShowcaseFate;
  /** What the visitor should expect to see, shown beside the link. */
  story: string;
  /** Print a different lot in the link than the record holds (a forged code). */
  codeLot?: string;
}

export const showcaseUnits: ShowcaseUnit[] = [
  { key: "genuine-medicine", gtin: "09506000134352", lot: "CX24A17", serial: "GN7K2P9M4X", market: "DE", fate: "sellable", story: "A genuine pack on a pharmacy shelf in Germany." },
  { key: "genuine-watch", gtin: "09521234002024", lot: "CH2403", serial: "AU3R8T5W2Q", market: "FR", fate: "retail_sold", story: "A genuine watch sold in Paris." },
  { key: "clone", gtin: "09521234001010", lot: "LN2406", serial: "LN8Q4Z7T2V", market: "FR", fate: "clone", story: "A handbag whose code was copied: scanned on many phones across continents." },
  { key: "recalled", gtin: "09506000134352", lot: "CX24B03", serial: "RC5H8W3N6J", market: "DE", fate: "recalled", story: "A pack from a recalled lot." },
  { key: "stolen", gtin: "09506000135229", lot: "RS24C11", serial: "ST3M7X9QAK", market: "NL", fate: "stolen", story: "An inhaler from a shipment reported stolen." },
  { key: "dispensed", gtin: "09506000136110", lot: "AM25B14", serial: "DS4K8R2VTP", market: "US", fate: "dispensed", story: "A pack already dispensed to a patient." },
  { key: "expired", gtin: "09506000136110", lot: "AM23K29", serial: "EX9T3B6LWM", market: "US", fate: "sellable", story: "A pack past its expiry date." },
];

/** Codes that name no real unit, for the remaining answers. */
export const showcaseCodes = [
  { key: "unknown", gtin: "09506000134352", lot: "CX24A17", serial: "ZZ9Q7Y4X1H", story: "A serial that was never issued." },
  { key: "forged", gtin: "09506000134352", lot: "CX99Z99", serial: "GN7K2P9M4X", story: "A real serial printed with the wrong lot: a forged code." },
] as const;
