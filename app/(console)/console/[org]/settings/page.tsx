import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { findOrganisationById } from "@/db/queries/organisations";
import { requireOrgPage } from "@/lib/access/require-org-page";
import { updateSettings } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { db, organisation } = await requireOrgPage(org, "settings:manage", `/console/${org}/settings`);
  const record = (await findOrganisationById(db, organisation.id))!;
  return (
    <>
      <h1>Settings</h1>
      <section className="panel" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Organisation</h2>
        <ActionForm action={updateSettings} org={org} submitLabel="Save settings" label="Organisation settings">
          <label>
            Name
            <input name="name" defaultValue={record.name} required maxLength={120} />
          </label>
          {record.kind === "brand" && (
            <>
              <label>
                GS1 Company Prefixes <span className="muted">(the identifiers this brand owns; one per line)</span>
                <textarea name="companyPrefixes" rows={3} defaultValue={record.companyPrefixes.join("\n")} />
              </label>
              <label>
                Approved link domains <span className="muted">(where resolver links may point, https only; one per line)</span>
                <textarea name="approvedDomains" rows={3} defaultValue={record.approvedDomains.join("\n")} />
              </label>
            </>
          )}
        </ActionForm>
      </section>
    </>
  );
}
