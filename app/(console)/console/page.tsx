import { redirect } from "next/navigation";
import { listMemberships } from "@/db/queries/memberships";
import { currentUser } from "@/lib/access/current-user";
import { getDatabase } from "@/lib/runtime/app-database";

export const dynamic = "force-dynamic";

/** /console sends people to their first organisation. */
export default async function ConsoleIndex() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=%2Fconsole");
  const memberships = await listMemberships((await getDatabase()).db, user.id);
  const first = memberships[0];
  if (first) redirect(`/console/${first.organisation.slug}`);
  return (
    <main id="main" className="unit-page">
      <h1>No organisation yet</h1>
      <p>
        You are signed in as {user.email}, but you are not a member of any organisation. Ask an owner of your brand or
        store to invite you.
      </p>
    </main>
  );
}
