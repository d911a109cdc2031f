// The one decision every console page, server action and API route makes about an organisation:
// anonymous → 401, not a member (or no such organisation) → 404, member without the permission → 403.
import type { Executor } from "@/db/database";
import { findMembershipBySlug, type MembershipView } from "@/db/queries/memberships";
import { roleAllows, type Permission } from "./permissions";

export type OrgAccess = { ok: true; membership: MembershipView } | { ok: false; status: 401 | 403 | 404 };

export async function decideOrgAccess(
  db: Executor,
  userId: string | null | undefined,
  slug: string,
  permission: Permission,
): Promise<OrgAccess> {
  if (!userId) return { ok: false, status: 401 };
  const membership = await findMembershipBySlug(db, userId, slug);
  // 404, not 403: another organisation's resources must not even be confirmed to exist.
  if (!membership) return { ok: false, status: 404 };
  if (!roleAllows(membership.role, permission)) return { ok: false, status: 403 };
  return { ok: true, membership };
}
