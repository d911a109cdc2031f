import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { DataTable } from "@/components/console/data-table";
import { listApiKeys } from "@/db/queries/api-keys";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { createApiKey, revokeApiKeyAction } from "./actions";
import { CheckboxListField } from "@/components/console/checkbox-list-field";
import { apiScopes } from "@/lib/api-keys/scopes";

export const metadata: Metadata = { title: "API keys" };

const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function ApiKeysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "api-keys:manage", `/console/${org}/api-keys`);
  const keys = await listApiKeys(db, organisation.id);
  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        For ERP, WMS and retailer systems. Send a key as <code>Authorization: Bearer &lt;key&gt;</code>; verify our
        signatures with <a href="/.well-known/jwks.json">/.well-known/jwks.json</a>.
      </p>
      <section aria-labelledby="new-key-heading" className="panel">
        <h2 id="new-key-heading">New key</h2>
        <ActionForm action={createApiKey} org={org} submitLabel="Create key" label="New API key">
          <label>
            Name
            <input name="name" required maxLength={100} placeholder="e.g. SAP production" />
          </label>
          <CheckboxListField name="scopes" legend="Scopes" options={apiScopes} />
          <label>
            Expires after (days, optional)
            <input name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />
          </label>
        </ActionForm>
      </section>
      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys ({keys.length})</h2>
        <DataTable columns={["Name", "Ends with", "Scopes", "Last used", "State"]}>
              {keys.map((k) => (
                <tr key={k.id} className={k.revokedAt ? "revoked" : undefined}>
                  <td>{k.name}</td>
                  <td className="mono">…{k.displayPrefix}</td>
                  <td>{k.scopes.join(", ")}</td>
                  <td>{k.lastUsedAt ? dates.format(k.lastUsedAt) : "never"}</td>
                  <td>
                    {k.revokedAt ? (
                      `revoked ${dates.format(k.revokedAt)}`
                    ) : k.expiresAt && k.expiresAt < new Date() ? (
                      "expired"
                    ) : (
                      <ActionForm action={revokeApiKeyAction} org={org} submitLabel="Revoke" danger className="inline-form" label={`Revoke ${k.name}`}>
                        <input type="hidden" name="apiKeyId" value={k.id} />
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
        </DataTable>
      </section>
    </>
  );
}
