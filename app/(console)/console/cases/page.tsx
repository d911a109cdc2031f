import { redirect } from "next/navigation";
import { listMemberships } from "@/db/queries/memberships";
import { currentUser } from "@/lib/access/current-user";
import { roleAllows } from "@/lib/access/permissions";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

/** /console/cases: the queue of the signed-in user's first brand that lets them read cases, else the console. */
export default async function CasesIndex() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fconsole%2Fcases");
  const memberships = await listMemberships((await getDatabase()).db, user.id);
  const first = memberships.find((m) => m.organisation.kind === "brand" && roleAllows(m.role, "cases:read"));
  redirect(first ? `/console/${first.organisation.slug}/cases` : "/console");
}
