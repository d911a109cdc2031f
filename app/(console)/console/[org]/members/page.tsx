import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { DataTable } from "@/components/console/data-table";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/memberships";
import { roles } from "@/db/schema";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { changeMemberRole, inviteMember, removeMemberAction, revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Members" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

function RoleSelect({ name, value, id }: { name: string; value?: string; id: string }) {
  return (
    <select name={name} id={id} defaultValue={value ?? "analyst"}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation, user } = await requireOrgPage(org, "members:manage", `/console/${org}/members`);
  const [members, invitations] = await Promise.all([listMembers(db, organisation.id), listPendingInvitations(db, organisation.id)]);
  return (
    <>
      <h1>Members</h1>
      <section aria-labelledby="invite-heading" className="panel">
        <h2 id="invite-heading">Invite someone</h2>
        <ActionForm action={inviteMember} org={org} submitLabel="Create invitation" className="inline-form" label="Invite">
          <label>
            E-mail
            <input type="email" name="email" required autoComplete="off" />
          </label>
          <label htmlFor="invite-role">Role</label>
          <RoleSelect name="role" id="invite-role" />
        </ActionForm>
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">People ({members.length})</h2>
        <DataTable columns={["Person", "Role", "Since", <span key="remove" className="visually-hidden">Remove</span>]}>
              {members.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.name ?? m.email}
                    {m.name && <div className="muted">{m.email}</div>}
                    {m.userId === user.id && <div className="muted">(you)</div>}
                  </td>
                  <td>
                    <ActionForm action={changeMemberRole} org={org} submitLabel="Change" className="inline-form" label={`Role of ${m.email}`}>
                      <input type="hidden" name="userId" value={m.userId} />
                      <label htmlFor={`role-${m.userId}`} className="visually-hidden">
                        Role of {m.email}
                      </label>
                      <RoleSelect name="role" value={m.role} id={`role-${m.userId}`} />
                    </ActionForm>
                  </td>
                  <td>{dates.format(m.since)}</td>
                  <td>
                    <ActionForm action={removeMemberAction} org={org} submitLabel="Remove" danger className="inline-form" label={`Remove ${m.email}`}>
                      <input type="hidden" name="userId" value={m.userId} />
                    </ActionForm>
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Pending invitations ({invitations.length})</h2>
        {invitations.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="list">
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email} · {i.role} · expires {dates.format(i.expiresAt)}
                <ActionForm action={revokeInvitationAction} org={org} submitLabel="Revoke" danger className="inline-form" label={`Revoke invitation of ${i.email}`}>
                  <input type="hidden" name="invitationId" value={i.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
