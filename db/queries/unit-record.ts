// A brand's own unit with its lot and lifecycle, for its systems: scoped to the organisation, so
// another brand's GTIN + serial reads as "not found".
import { and, eq } from "drizzle-orm";
import type { Executor } from "../database";
import { lots, units } from "../schema";
import { listUnitHistory } from "./units";

export async function findOrganisationUnit(db: Executor, organisationId: string, gtin: string, serial: string) {
  const [row] = await db
    .select({ unit: units, lot: lots })
    .from(units)
    .leftJoin(lots, eq(lots.id, units.lotId))
    .where(and(eq(units.organisationId, organisationId), eq(units.gtin, gtin), eq(units.serial, serial)))
    .limit(1);
  if (!row) return undefined;
  return { ...row, history: await listUnitHistory(db, organisationId, row.unit.id) };
}
