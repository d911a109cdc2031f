import { handleLocationRequest } from "@/lib/consumer/scan-location";
import { dataDirectory, getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

/** A consumer's opt-in precise location for their scan (the verification page's button). Public, rate-limited. */
export async function POST(request: Request) {
  const { db } = await getDatabase();
  return handleLocationRequest(request, { db, dataDir: dataDirectory() });
}
