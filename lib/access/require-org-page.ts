// Guard for console pages: sign-in redirect, 404 for foreign organisations, 403 for missing roles.
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { getDatabase } from "@/lib/runtime/app-database";
import { currentUser } from "./current-user";
import { decideOrgAccess } from "./org-access";
import type { Permission } from "./permissions";

export const requireOrgPage = cache(async (slug: string, permission: Permission, returnTo: string) => {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const db = (await getDatabase()).db;
  const access = await decideOrgAccess(db, user.id, slug, permission);
  if (!access.ok) {
    if (access.status === 404) notFound();
    forbidden();
  }
  return { db, user, membership: access.membership, organisation: access.membership.organisation, role: access.membership.role };
});
