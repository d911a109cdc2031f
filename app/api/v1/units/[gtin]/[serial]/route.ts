import { findOrganisationUnit } from "@/db/queries/unit-record";
import { withApiRoute } from "@/lib/access/with-api-route";
import { AppError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** One of the organisation's units: status, lot, markets and lifecycle, for ERP/WMS systems. */
export const GET = withApiRoute<{ gtin: string; serial: string }>(
  "GET /api/v1/units/{gtin}/{serial}",
  { permission: "products:read", scope: "epcis:read" },
  async (ctx, _request, { gtin, serial }) => {
    if (!/^\d{14}$/.test(gtin)) throw new AppError("bad_request", "The GTIN must have 14 digits.", { pointer: "gtin" });
    const found = await findOrganisationUnit(ctx.db, ctx.organisation.id, gtin, decodeURIComponent(serial));
    if (!found) throw new AppError("not_found", "No unit with this GTIN and serial in your organisation.");
    const { unit, lot, history } = found;
    return Response.json({
      gtin: unit.gtin,
      serial: unit.serial,
      lot: unit.lot,
      expiryDate: unit.expiryDate,
      productionDate: lot?.productionDate ?? null,
      status: unit.status,
      statusSince: unit.statusSince,
      markets: unit.markets,
      history: history.map((e) => ({
        eventTime: e.eventTime,
        eventTimeZoneOffset: e.eventTimeZoneOffset,
        bizStep: e.bizStep,
        disposition: e.disposition,
        bizLocation: e.bizLocation,
      })),
    });
  },
);
