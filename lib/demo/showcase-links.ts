// The demo scan links the home page lists, built from what the database actually holds.
import type { Executor } from "@/db/database";
import { findUnitsBySerials } from "@/db/queries/units";
import { showcaseCodes, showcaseUnits } from "./showcase";

export interface ShowcaseLink {
  key: string;
  story: string;
  path: string;
}

/** Digital Link path for a GTIN + lot + serial, with the expiry (AI 17, YYMMDD) as a data attribute. */
export function unitLinkPath(gtin: string, lot: string | null, serial: string, expiryDate: string | null): string {
  const lotPart = lot ? `/10/${encodeURIComponent(lot)}` : "";
  const expiry = expiryDate ? `?17=${expiryDate.slice(2, 4)}${expiryDate.slice(5, 7)}${expiryDate.slice(8, 10)}` : "";
  return `/01/${gtin}${lotPart}/21/${encodeURIComponent(serial)}${expiry}`;
}

export async function listShowcaseLinks(db: Executor): Promise<ShowcaseLink[]> {
  const found = await findUnitsBySerials(db, showcaseUnits);
  const byCode = new Map(found.map((u) => [`${u.gtin}|${u.serial}`, u]));
  const links: ShowcaseLink[] = [];
  for (const s of showcaseUnits) {
    const unit = byCode.get(`${s.gtin}|${s.serial}`);
    if (unit) links.push({ key: s.key, story: s.story, path: unitLinkPath(unit.gtin, unit.lot, unit.serial, unit.expiryDate) });
  }
  if (links.length === 0) return links; // not the demo database: invented codes would mean nothing
  const genuine = byCode.get(`${showcaseCodes[1].gtin}|${showcaseCodes[1].serial}`);
  for (const c of showcaseCodes) {
    links.push({ key: c.key, story: c.story, path: unitLinkPath(c.gtin, c.lot, c.serial, genuine?.expiryDate ?? null) });
  }
  return links;
}
