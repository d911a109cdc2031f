// The shapes the lifecycle rules read and return; the EPCIS module maps captured events onto them.
import type { EpcisAction, EpcisEventType, UnitEventRole, UnitStatus } from "@/db/schema/enums";

/** ILMD on a commissioning event, already parsed by the EPCIS module. Dates are ISO `YYYY-MM-DD`. */
export interface Ilmd {
  readonly lot?: string;
  readonly expiryDate?: string;
  readonly productionDate?: string;
  readonly bestBeforeDate?: string;
}

/** One EPCIS event as it concerns one unit. */
export interface LifecycleEvent {
  /** eventID (or the CBV event hash): identifies the event for retraction and orders ties. */
  readonly eventId?: string;
  readonly eventType: EpcisEventType;
  readonly action: EpcisAction;
  /** Bare CBV term or any CBV URI form; extension URIs are allowed. */
  readonly bizStep?: string | null;
  readonly disposition?: string | null;
  readonly eventTime: Date;
  /** Who sent it: organisation id or GLN. EU FMD reversals compare it. */
  readonly party?: string | null;
  /** ISO 3166-1 alpha-2 markets derived by markets.ts. */
  readonly markets?: readonly string[];
  /** How the unit takes part; matters for TransformationEvent outputs (created). */
  readonly role?: UnitEventRole;
  readonly ilmd?: Ilmd;
}

/** What the rules need to know about a unit (the units row plus two proposed columns). */
export interface UnitState {
  readonly status: UnitStatus;
  /** eventTime of the event that last set or re-asserted the status. */
  readonly statusEventTime: Date | null;
  /** party of the event that set the status (proposed column). */
  readonly lastStatusParty?: string | null;
  /** When the current decommissioned-like status began (proposed column); else statusEventTime. */
  readonly decommissionedAt?: Date | null;
  /**
   * Newest eventTime among status-bearing events already recorded for the unit, including refused
   * ones. Lets an event that precedes a refused one be detected as out of order. Overestimating only
   * costs a replay.
   */
  readonly lastEventTime?: Date | null;
  readonly lot?: string | null;
  readonly expiryDate?: string | null;
  readonly productionDate?: string | null;
  readonly bestBeforeDate?: string | null;
  readonly commissionedAt?: Date | null;
  readonly markets?: readonly string[];
}

/** Fields a commissioning event sets on the unit (productionDate and bestBeforeDate are lot-level). */
export interface UnitFields {
  lot?: string;
  expiryDate?: string;
  productionDate?: string;
  bestBeforeDate?: string;
  commissionedAt?: Date;
}

/** Which part of the event decided the status. */
export type DecidedBy = "disposition" | "extension_disposition" | "action" | "bizStep";

export interface ApplyDecision {
  readonly kind: "apply";
  readonly status: UnitStatus;
  /** False when the event only re-asserts the current status: refresh statusEventTime, no webhook. */
  readonly statusChanged: boolean;
  readonly statusEventTime: Date;
  readonly statusParty: string | null;
  readonly decommissionedAt: Date | null;
  readonly decidedBy: DecidedBy;
  /** An EU FMD reversal of a decommissioning. */
  readonly reversal: boolean;
  readonly set: UnitFields;
  readonly addMarkets: readonly string[];
  readonly warnings: readonly string[];
}

export type IgnoreReason =
  /** eventTime is earlier than statusEventTime: an older event never overwrites a newer state. */
  | "late"
  /** eventTime is not after an event already recorded (a refused one, or a tie). */
  | "out_of_order"
  /** Nothing in the event names a lifecycle state. */
  | "no_state_change";

export interface IgnoreDecision {
  readonly kind: "ignore";
  readonly reason: IgnoreReason;
  readonly detail: string;
  /** The event may change history: recompute the unit with replayStatus. */
  readonly replay: boolean;
  readonly addMarkets: readonly string[];
}

export type RefuseReason =
  | "terminal"
  | "final"
  | "already_decommissioned"
  | "reversal_party_unknown"
  | "reversal_other_party"
  | "reversal_window_passed"
  | "reversal_expired";

export interface RefuseDecision {
  readonly kind: "refuse";
  readonly reason: RefuseReason;
  readonly detail: string;
  /** The status the event asked for. */
  readonly requested: UnitStatus;
  readonly addMarkets: readonly string[];
}

export type LifecycleDecision = ApplyDecision | IgnoreDecision | RefuseDecision;
