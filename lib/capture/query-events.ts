// EPCIS 2.0 event queries (the common SimpleEventQuery parameters), brand-scoped, keyset-paginated,
// answered as an EPCISQueryDocument with the events exactly as captured.
import { and, asc, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/database";
import { epcisEvents, epcisEventTypes, type EpcisEventType } from "@/db/schema";
import { normaliseVocabulary, type CbvVocabulary } from "@/lib/epcis";
import { AppError } from "@/lib/http/problem";

export interface EventQuery {
  eventType?: EpcisEventType[];
  geEventTime?: Date;
  ltEventTime?: Date;
  bizStep?: string[];
  disposition?: string[];
  matchEpc?: string[];
  matchAnyEpc?: string[];
  bizLocation?: string[];
  perPage: number;
  after?: number;
}

const list = (value: string | null) => (value ? value.split(/[,|]/).map((v) => v.trim()).filter(Boolean) : undefined);

function date(value: string | null, name: string): Date | undefined {
  if (value === null) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new AppError("bad_request", `${name} must be an ISO 8601 date-time.`, { parameter: name });
  return parsed;
}

export function parseEventQuery(params: URLSearchParams): EventQuery {
  const types = list(params.get("eventType"));
  const unknown = types?.filter((t) => !(epcisEventTypes as readonly string[]).includes(t));
  if (unknown?.length) throw new AppError("bad_request", `Unknown eventType: ${unknown.join(", ")}.`, { parameter: "eventType" });
  const perPage = Number(params.get("perPage") ?? 100);
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) throw new AppError("bad_request", "perPage must be 1 to 1000.", { parameter: "perPage" });
  const token = params.get("nextPageToken");
  const after = token ? Number(Buffer.from(token, "base64url").toString()) : undefined;
  if (token && !Number.isSafeInteger(after)) throw new AppError("bad_request", "nextPageToken is not one we issued.", { parameter: "nextPageToken" });
  const vocabulary = (name: string, kind: CbvVocabulary) => list(params.get(name))?.map((v) => normaliseVocabulary(kind, v) ?? v);
  return {
    eventType: types as EpcisEventType[] | undefined,
    geEventTime: date(params.get("GE_eventTime"), "GE_eventTime"),
    ltEventTime: date(params.get("LT_eventTime"), "LT_eventTime"),
    bizStep: vocabulary("EQ_bizStep", "bizstep"),
    disposition: vocabulary("EQ_disposition", "disp"),
    matchEpc: list(params.get("MATCH_epc")),
    matchAnyEpc: list(params.get("MATCH_anyEPC")),
    bizLocation: list(params.get("EQ_bizLocation")),
    perPage,
    after,
  };
}

const anyIn = (field: string, values: string[]) => or(...values.map((v) => sql`${epcisEvents.document} -> ${field} ? ${v}`))!;

export async function queryEvents(db: Executor, organisationId: string, query: EventQuery) {
  const where: (SQL | undefined)[] = [eq(epcisEvents.organisationId, organisationId)];
  if (query.after) where.push(gt(epcisEvents.id, query.after));
  if (query.eventType) where.push(inArray(epcisEvents.type, query.eventType));
  if (query.geEventTime) where.push(gte(epcisEvents.eventTime, query.geEventTime));
  if (query.ltEventTime) where.push(lt(epcisEvents.eventTime, query.ltEventTime));
  if (query.bizStep) where.push(inArray(epcisEvents.bizStep, query.bizStep));
  if (query.disposition) where.push(inArray(epcisEvents.disposition, query.disposition));
  if (query.bizLocation) where.push(inArray(epcisEvents.bizLocation, query.bizLocation));
  if (query.matchEpc) where.push(anyIn("epcList", query.matchEpc));
  if (query.matchAnyEpc) {
    where.push(or(...["epcList", "childEPCs", "inputEPCList", "outputEPCList"].map((f) => anyIn(f, query.matchAnyEpc!)), inArray(sql`${epcisEvents.document} ->> 'parentID'`, query.matchAnyEpc)));
  }
  const rows = await db
    .select({ id: epcisEvents.id, document: epcisEvents.document })
    .from(epcisEvents)
    .where(and(...where))
    .orderBy(asc(epcisEvents.id))
    .limit(query.perPage + 1);
  const page = rows.slice(0, query.perPage);
  const nextPageToken = rows.length > query.perPage ? Buffer.from(String(page.at(-1)!.id)).toString("base64url") : null;
  return { events: page.map((r) => r.document), nextPageToken };
}

export function queryDocument(events: Record<string, unknown>[], now = new Date()) {
  return {
    "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
    type: "EPCISQueryDocument",
    schemaVersion: "2.0",
    creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName: "SimpleEventQuery", resultsBody: { eventList: events } } },
  };
}
