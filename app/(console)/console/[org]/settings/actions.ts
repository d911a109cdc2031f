"use server";
import { z } from "zod";
import { updateOrganisation } from "@/db/queries/organisations";
import { orgAction } from "@/lib/access/org-action";
import { parseOrganisationLists } from "@/lib/organisations/organisation-lists";

export const updateSettings = orgAction(
  "updateSettings",
  "settings:manage",
  z.object({
    name: z.string().trim().min(1, "The name cannot be empty").max(120),
    companyPrefixes: z.string().max(2000).default(""),
    approvedDomains: z.string().max(4000).default(""),
  }),
  async (ctx, input) => {
    const lists = parseOrganisationLists(input.companyPrefixes, input.approvedDomains);
    if (!lists.ok) return { ok: false, status: 400, message: "Please correct the highlighted fields.", fieldErrors: lists.errors };
    await updateOrganisation(ctx.db, ctx.organisationId, { name: input.name, ...lists.value });
    await ctx.audit({ action: "organisation.settings_changed", targetType: "organisation", targetId: ctx.organisationId, metadata: { name: input.name, ...lists.value } });
    return { ok: true, message: "Settings saved." };
  },
);
