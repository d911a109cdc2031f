// Which status an event asks for, reading the tables in precedence order: disposition, then the
// ObjectEvent action (ADD = created, DELETE = decommissioned, EPCIS 2.0 §7.4.2), then the bizStep.
import type { UnitStatus } from "@/db/schema/enums";
import type { LifecyclePolicy } from "./policy";
import { bizStepEffects, dispositionEffects } from "./state-table";
import type { DecidedBy, LifecycleEvent } from "./types";
import { toCbvBizStep, toCbvDisposition } from "./vocabulary";

export type EventEffect =
  | { readonly kind: "sets"; readonly status: UnitStatus; readonly decidedBy: DecidedBy; readonly why: string }
  | { readonly kind: "none"; readonly why: string };

function actionEffect(event: LifecycleEvent): { status: UnitStatus; why: string } | null {
  if (event.eventType === "ObjectEvent") {
    if (event.action === "ADD") return { status: "commissioned", why: "ObjectEvent ADD: the object was created" };
    if (event.action === "DELETE") return { status: "decommissioned", why: "ObjectEvent DELETE: the object was decommissioned" };
  }
  // A TransformationEvent has no action; its outputs are created like an ADD.
  if (event.eventType === "TransformationEvent" && event.role === "output") {
    return { status: "commissioned", why: "TransformationEvent output: the object was created" };
  }
  return null;
}

export function classifyEvent(event: LifecycleEvent, policy: LifecyclePolicy): EventEffect {
  const disposition = toCbvDisposition(event.disposition);
  if (disposition) {
    const effect = dispositionEffects[disposition];
    if (effect.kind === "sets") return { kind: "sets", status: effect.status, decidedBy: "disposition", why: effect.why };
    if (effect.kind === "keeps") return { kind: "none", why: `disposition ${disposition}: ${effect.why}` };
  } else if (event.disposition) {
    const extension = policy.extensionDispositions?.[event.disposition.trim()];
    if (extension) {
      return { kind: "sets", status: extension, decidedBy: "extension_disposition", why: `brand extension ${event.disposition}` };
    }
  }

  const byAction = actionEffect(event);
  if (byAction) return { kind: "sets", ...byAction, decidedBy: "action" };

  const bizStep = toCbvBizStep(event.bizStep);
  if (bizStep) {
    const effect = bizStepEffects[bizStep];
    if (effect.kind === "sets") return { kind: "sets", status: effect.status, decidedBy: "bizStep", why: effect.why };
    return { kind: "none", why: `bizStep ${bizStep}: ${effect.why}` };
  }
  return { kind: "none", why: "no CBV disposition or bizStep that names a lifecycle state" };
}
