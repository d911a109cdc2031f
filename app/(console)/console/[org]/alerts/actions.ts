"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAlertRule, deleteAlertRule, findUsableWebhook, updateAlertRule } from "@/db/queries/alerts";
import { orgAction, type ActionContext } from "@/lib/access/org-action";
import type { ActionResult } from "@/lib/access/action-result";
import { alertRuleFieldsFromForm, createAlertRuleSchema, updateAlertRuleSchema } from "@/lib/alerts/alert-rule-form";

/** The rules list and the notifications below the forms show the change at once. */
function refreshAlertsPage(ctx: ActionContext) {
  revalidatePath(`/console/${ctx.membership.organisation.slug}/alerts`);
}

/** A rule may call only a webhook of its own brand that is still registered. */
async function webhookRefusal(ctx: ActionContext, webhookId: string | null): Promise<ActionResult | null> {
  if (!webhookId || (await findUsableWebhook(ctx.db, ctx.organisationId, webhookId))) return null;
  return { ok: false, status: 400, message: "Please correct the highlighted fields.", fieldErrors: { webhookId: "That webhook is not one of this brand's registered endpoints." } };
}

export const createAlertRuleAction = orgAction("createAlertRule", "alerts:manage", createAlertRuleSchema, async (ctx, input) => {
  const fields = alertRuleFieldsFromForm(input);
  const refused = await webhookRefusal(ctx, fields.webhookId);
  if (refused) return refused;
  const rule = await createAlertRule(ctx.db, ctx.organisationId, { ...fields, active: input.active === "on", createdBy: ctx.userId });
  await ctx.audit({ action: "alert_rule.created", targetType: "alert_rule", targetId: rule.id, metadata: { ...fields, active: rule.active } });
  refreshAlertsPage(ctx);
  return { ok: true, message: `Alert rule "${rule.name}" created${rule.active ? "" : " (switched off)"}.` };
});

export const updateAlertRuleAction = orgAction("updateAlertRule", "alerts:manage", updateAlertRuleSchema, async (ctx, input) => {
  const fields = alertRuleFieldsFromForm(input);
  const refused = await webhookRefusal(ctx, fields.webhookId);
  if (refused) return refused;
  if (!(await updateAlertRule(ctx.db, ctx.organisationId, input.ruleId, fields))) return { ok: false, status: 404, message: "No such alert rule." };
  await ctx.audit({ action: "alert_rule.updated", targetType: "alert_rule", targetId: input.ruleId, metadata: { ...fields } });
  refreshAlertsPage(ctx);
  return { ok: true, message: `Alert rule "${fields.name}" saved.` };
});

export const setAlertRuleActiveAction = orgAction(
  "setAlertRuleActive",
  "alerts:manage",
  z.object({ ruleId: z.uuid(), active: z.enum(["true", "false"]) }),
  async (ctx, input) => {
    const active = input.active === "true";
    if (!(await updateAlertRule(ctx.db, ctx.organisationId, input.ruleId, { active }))) return { ok: false, status: 404, message: "No such alert rule." };
    await ctx.audit({ action: active ? "alert_rule.enabled" : "alert_rule.disabled", targetType: "alert_rule", targetId: input.ruleId });
    refreshAlertsPage(ctx);
    return { ok: true, message: active ? "Alert rule switched on." : "Alert rule switched off: it sends nothing until switched on again." };
  },
);

export const deleteAlertRuleAction = orgAction("deleteAlertRule", "alerts:manage", z.object({ ruleId: z.uuid() }), async (ctx, input) => {
  const deleted = await deleteAlertRule(ctx.db, ctx.organisationId, input.ruleId);
  if (!deleted) return { ok: false, status: 404, message: "No such alert rule." };
  await ctx.audit({ action: "alert_rule.deleted", targetType: "alert_rule", targetId: deleted.id, metadata: { name: deleted.name } });
  refreshAlertsPage(ctx);
  return { ok: true, message: `Alert rule "${deleted.name}" deleted. E-mails it already queued are still sent.` };
});
