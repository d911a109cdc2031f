import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/console/data-table";
import { listAudit } from "@/db/queries/audit";
import { requireOrgPage } from "@/lib/access/require-org-page";

export const metadata: Metadata = { title: "Audit log" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const PAGE = 50;

export default async function AuditPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<{ before?: string }> }) {
  const [{ org }, query] = await Promise.all([params, searchParams]);
  const { db, organisation } = await requireOrgPage(org, "audit:read", `/console/${org}/audit`);
  const before = Number.parseInt(query.before ?? "", 10);
  const entries = await listAudit(db, organisation.id, { before: Number.isSafeInteger(before) && before > 0 ? before : undefined, limit: PAGE });
  const last = entries.at(-1);
  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Who did what, when and from where (a keyed hash of the network address — never the address itself). Times in UTC. Entries cannot be edited or deleted.</p>
      <DataTable columns={["When", "Who", "What", "Target", "From"]}>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{dates.format(e.createdAt)}</td>
                <td>{e.actorEmail ?? (e.actorApiKeyId ? `API key ${e.actorApiKeyId.slice(0, 8)}` : "system")}</td>
                <td>
                  <code>{e.action}</code>
                  {Object.keys(e.metadata).length > 0 && <div className="muted mono">{JSON.stringify(e.metadata)}</div>}
                </td>
                <td className="mono">{e.targetType ? `${e.targetType} ${e.targetId?.slice(0, 8) ?? ""}` : "—"}</td>
                <td className="mono">{e.sourceFingerprint?.slice(0, 8) ?? "—"}</td>
              </tr>
            ))}
      </DataTable>
      {entries.length === PAGE && last && (
        <p>
          <Link href={`/console/${org}/audit?before=${last.id}`}>Older entries</Link>
        </p>
      )}
    </>
  );
}
