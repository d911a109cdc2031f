import path from "node:path";
import { handleReportRequest } from "@/lib/consumer/submit-report";
import { dataDirectory, getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

/** A consumer's report of a suspicious product (multipart form from the verification page). Public, rate-limited. */
export async function POST(request: Request) {
  const { db } = await getDatabase();
  return handleReportRequest(request, { db, uploadsDir: path.join(dataDirectory(), "uploads") });
}
