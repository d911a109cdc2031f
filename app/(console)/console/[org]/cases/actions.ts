"use server";
// Analysts' case actions: bulk ones for the queue, single-case ones for the case page. Each parses its
// form, calls lib/cases/triage (one transaction with the case activity, alerts and webhooks), then
// writes the audit entry and refreshes the cases pages.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { caseStatuses } from "@/db/schema";
import type { ActionContext } from "@/lib/access/org-action";
import { orgAction } from "@/lib/access/org-action";
import { caseStatusLabel } from "@/lib/cases/case-status";
import { assignCases, blacklistCaseSerial, changeCaseStatus, commentOnCase, describeStatusChange, MAX_NOTE_LENGTH } from "@/lib/cases/triage";

// The queue's rows post one checkbox each, named "case:<id>": FormData entries are folded into one
// object by orgAction, so repeated names would keep only the last.
const SELECTED = /^case:(.+)$/;
function selectedCaseIds(fields: Record<string, unknown>): string[] {
  return Object.keys(fields).flatMap((key) => SELECTED.exec(key)?.[1] ?? []);
}

const noneSelected = { ok: false as const, status: 400, message: "Select at least one case first." };
const note = z.string().trim().max(MAX_NOTE_LENGTH).optional();
/** "me", "none" (unassign) or a member's user id. */
const assignee = z.union([z.literal("me"), z.literal("none"), z.uuid()]);

function assigneeId(ctx: ActionContext, value: z.infer<typeof assignee>): string | null {
  return value === "me" ? ctx.userId : value === "none" ? null : value;
}

function refresh(org: string) {
  revalidatePath(`/console/${org}/cases`, "layout");
}

export const bulkChangeCaseStatusAction = orgAction(
  "bulkChangeCaseStatus",
  "cases:manage",
  z.looseObject({ org: z.string(), toStatus: z.enum(caseStatuses), note }),
  async (ctx, input) => {
    const caseIds = selectedCaseIds(input);
    if (caseIds.length === 0) return noneSelected;
    const result = await changeCaseStatus(ctx.db, { organisationId: ctx.organisationId, caseIds, toStatus: input.toStatus, actorUserId: ctx.userId, note: input.note });
    for (const caseId of result.changed) {
      await ctx.audit({ action: "case.status_changed", targetType: "case", targetId: caseId, metadata: { toStatus: input.toStatus, bulk: true, ...(input.note ? { note: input.note } : {}) } });
    }
    refresh(input.org);
    return result.changed.length > 0 ? { ok: true, message: describeStatusChange(input.toStatus, result) } : { ok: false, status: 409, message: describeStatusChange(input.toStatus, result) };
  },
);

export const bulkAssignCasesAction = orgAction("bulkAssignCases", "cases:manage", z.looseObject({ org: z.string(), assignee }), async (ctx, input) => {
  const caseIds = selectedCaseIds(input);
  if (caseIds.length === 0) return noneSelected;
  const to = assigneeId(ctx, input.assignee);
  const result = await assignCases(ctx.db, { organisationId: ctx.organisationId, caseIds, assigneeUserId: to, actorUserId: ctx.userId });
  for (const caseId of result.changed) {
    await ctx.audit({ action: "case.assigned", targetType: "case", targetId: caseId, metadata: { assigneeUserId: to, bulk: true } });
  }
  refresh(input.org);
  const n = result.changed.length;
  const cases = `${n} case${n === 1 ? "" : "s"}`;
  return { ok: true, message: n === 0 ? "Nothing changed: the selected cases were already so assigned." : to === null ? `${cases} unassigned.` : `${cases} assigned.` };
});

export const changeCaseStatusAction = orgAction(
  "changeCaseStatus",
  "cases:manage",
  z.object({ org: z.string(), caseId: z.uuid(), toStatus: z.enum(caseStatuses), note }),
  async (ctx, input) => {
    const result = await changeCaseStatus(ctx.db, { organisationId: ctx.organisationId, caseIds: [input.caseId], toStatus: input.toStatus, actorUserId: ctx.userId, note: input.note });
    const refused = result.refused[0];
    if (refused) return { ok: false, status: refused.number === null ? 404 : 409, message: refused.number === null ? "No such case." : `Not changed: ${refused.reason}.` };
    await ctx.audit({ action: "case.status_changed", targetType: "case", targetId: input.caseId, metadata: { toStatus: input.toStatus, ...(input.note ? { note: input.note } : {}) } });
    refresh(input.org);
    return { ok: true, message: `Status changed to ${caseStatusLabel(input.toStatus).toLowerCase()}.` };
  },
);

export const assignCaseAction = orgAction("assignCase", "cases:manage", z.object({ org: z.string(), caseId: z.uuid(), assignee }), async (ctx, input) => {
  const to = assigneeId(ctx, input.assignee);
  const result = await assignCases(ctx.db, { organisationId: ctx.organisationId, caseIds: [input.caseId], assigneeUserId: to, actorUserId: ctx.userId });
  if (result.changed.length === 0) return { ok: true, message: "Nothing changed: the case was already so assigned." };
  await ctx.audit({ action: "case.assigned", targetType: "case", targetId: input.caseId, metadata: { assigneeUserId: to } });
  refresh(input.org);
  return { ok: true, message: to === null ? "Case unassigned." : to === ctx.userId ? "Case assigned to you." : "Case assigned." };
});

export const commentOnCaseAction = orgAction(
  "commentOnCase",
  "cases:manage",
  z.object({ org: z.string(), caseId: z.uuid(), body: z.string().trim().min(1, "Write a comment first.").max(MAX_NOTE_LENGTH) }),
  async (ctx, input) => {
    await commentOnCase(ctx.db, { organisationId: ctx.organisationId, caseId: input.caseId, body: input.body, actorUserId: ctx.userId });
    await ctx.audit({ action: "case.commented", targetType: "case", targetId: input.caseId });
    refresh(input.org);
    return { ok: true, message: "Comment added." };
  },
);

export const blacklistSerialAction = orgAction(
  "blacklistSerial",
  "cases:manage",
  z.object({ org: z.string(), caseId: z.uuid(), reason: z.string().trim().min(1, "Say why the serial is blacklisted.").max(MAX_NOTE_LENGTH) }),
  async (ctx, input) => {
    const { created } = await blacklistCaseSerial(ctx.db, { organisationId: ctx.organisationId, caseId: input.caseId, reason: input.reason, actorUserId: ctx.userId });
    if (!created) return { ok: true, message: "This serial was already blacklisted: every scan of it answers counterfeit." };
    await ctx.audit({ action: "case.serial_blacklisted", targetType: "case", targetId: input.caseId, metadata: { reason: input.reason } });
    refresh(input.org);
    return { ok: true, message: "Serial blacklisted: every later scan of it answers counterfeit." };
  },
);
