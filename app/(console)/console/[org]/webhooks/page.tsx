import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { DataTable } from "@/components/console/data-table";
import { listRecentDeliveries, listWebhooks } from "@/db/queries/webhooks";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { createWebhookAction, disableWebhookAction } from "./actions";
import { CheckboxListField } from "@/components/console/checkbox-list-field";
import { webhookEvents } from "@/db/schema";

export const metadata: Metadata = { title: "Webhooks" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function WebhooksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "webhooks:manage", `/console/${org}/webhooks`);
  const [hooks, deliveries] = await Promise.all([listWebhooks(db, organisation.id), listRecentDeliveries(db, organisation.id)]);
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        genuine POSTs JSON to your endpoint for the events you choose, signed with HMAC-SHA256 in the
        <code> Genuine-Signature: t=&lt;time&gt;,v1=&lt;hex&gt;</code> header over <code>&lt;time&gt;.&lt;body&gt;</code>. Failed
        deliveries are retried with growing delays for about a day and a half.
      </p>
      <section className="panel" aria-labelledby="new-hook-heading">
        <h2 id="new-hook-heading">New endpoint</h2>
        <ActionForm action={createWebhookAction} org={org} submitLabel="Register endpoint" label="New webhook">
          <label>
            URL <span className="muted">(https)</span>
            <input name="url" type="url" required placeholder="https://erp.brand.example/genuine" />
          </label>
          <label>
            Description <span className="muted">(optional)</span>
            <input name="description" maxLength={200} />
          </label>
          <CheckboxListField name="events" legend="Events" options={webhookEvents} />
        </ActionForm>
      </section>
      <section aria-labelledby="hooks-heading">
        <h2 id="hooks-heading">Endpoints ({hooks.length})</h2>
        <ul className="list">
          {hooks.map((h) => (
            <li key={h.id} className="card">
              <div className="mono">{h.url}</div>
              <div className="muted">{h.events.join(", ")}{h.description ? ` · ${h.description}` : ""}</div>
              <ActionForm action={disableWebhookAction} org={org} submitLabel="Remove" danger className="inline-form" label={`Remove ${h.url}`}>
                <input type="hidden" name="webhookId" value={h.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Recent deliveries</h2>
        {deliveries.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <DataTable columns={["When", "Event", "Endpoint", "State", "Attempts", "Last answer"]}>
                {deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{dates.format(d.createdAt)}</td>
                    <td><code>{d.event}</code></td>
                    <td className="mono">{d.url}</td>
                    <td>{d.status}</td>
                    <td>{d.attempts}</td>
                    <td>{d.lastStatusCode ?? d.lastError ?? "—"}</td>
                  </tr>
                ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
