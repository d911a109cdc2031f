import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/console/console-shell";
import { listMemberships } from "@/db/queries/memberships";
import { requireOrgPage } from "@/lib/access/require-org-page";

export const dynamic = "force-dynamic";

export default async function OrgLayout({ children, params }: { children: ReactNode; params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, user, membership } = await requireOrgPage(org, "console:view", `/console/${org}`);
  const memberships = await listMemberships(db, user.id);
  return (
    <ConsoleShell current={membership} memberships={memberships} email={user.email}>
      {children}
    </ConsoleShell>
  );
}
