import { withApiRoute } from "@/lib/access/with-api-route";
import { parseEventQuery, queryDocument, queryEvents } from "@/lib/capture/query-events";
import { runEventCapture } from "@/lib/capture/run-capture";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

/** EPCIS 2.0 event query: eventType, GE_/LT_eventTime, EQ_bizStep, EQ_disposition, MATCH_epc, MATCH_anyEPC, EQ_bizLocation. */
export const GET = withApiRoute("GET /api/epcis/events", { permission: "epcis:read", scope: "epcis:read" }, async (ctx, request) => {
  const url = new URL(request.url);
  const { events, nextPageToken } = await queryEvents(ctx.db, ctx.organisation.id, parseEventQuery(url.searchParams));
  const headers = new Headers({ "content-type": "application/ld+json", "GS1-EPCIS-Version": "2.0.0" });
  if (nextPageToken) {
    url.searchParams.set("nextPageToken", nextPageToken);
    headers.set("link", `<${url.pathname}${url.search}>; rel="next"`);
  }
  return new Response(JSON.stringify(queryDocument(events)), { headers });
});

/** Capture one event. */
export const POST = withApiRoute("POST /api/epcis/events", { permission: "epcis:write", scope: "epcis:write" }, async (ctx, request) => {
  const body = await readJsonBody(request, { maxBytes: 1_048_576, mediaTypes: ["application/ld+json", "application/json"] });
  const { event, result } = await runEventCapture(ctx.db, { organisationId: ctx.organisation.id }, body);
  await ctx.audit({ action: "epcis.event_captured", targetType: "epcis_event", targetId: event.eventIdentity, metadata: { ...result } });
  return Response.json(
    { eventID: event.eventIdentity, ...result },
    { status: result.inserted ? 201 : 200, headers: { location: `/api/epcis/events/${encodeURIComponent(event.eventIdentity)}`, "GS1-EPCIS-Version": "2.0.0" } },
  );
});
