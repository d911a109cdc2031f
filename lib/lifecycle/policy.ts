// Which statuses a unit may leave, and how: the general rules and the EU FMD rules for medicines
// (Delegated Regulation (EU) 2016/161, Art. 13: reverting a decommissioned pack).
import type { ProductCategory, UnitStatus } from "@/db/schema/enums";

export interface LifecyclePolicy {
  /** Apply the EU Falsified Medicines Directive rules (pharmaceutical products). */
  readonly euFmd: boolean;
  /** Days within which the party that decommissioned a unit may revert it to active (EU FMD: 10). */
  readonly reversalWindowDays: number;
  /**
   * What a brand's extension disposition URIs mean, e.g. EU FMD reasons CBV lacks:
   * `{ "urn:example:disp:exported": "decommissioned", "urn:example:disp:withdrawn": "recalled" }`.
   */
  readonly extensionDispositions?: Readonly<Record<string, UnitStatus>>;
}

export const defaultPolicy: LifecyclePolicy = { euFmd: false, reversalWindowDays: 10 };
export const euFmdPolicy: LifecyclePolicy = { euFmd: true, reversalWindowDays: 10 };

/** EU FMD applies to medicines; every other category follows the general rules. */
export function policyForCategory(category: ProductCategory): LifecyclePolicy {
  return category === "pharmaceutical" ? euFmdPolicy : defaultPolicy;
}

/**
 * - open: any later event may move the unit on.
 * - reversible: only a reversal (same party, within the window, unit not expired, back to an active
 *   status) leaves it; a recall still reaches it.
 * - final: only a recall or destruction leaves it.
 * - terminal: nothing leaves it.
 */
export type ExitRule = "open" | "reversible" | "final" | "terminal";

interface StatusRule {
  readonly general: ExitRule;
  readonly euFmd: ExitRule;
  readonly why: string;
}

export const statusRules: Readonly<Record<UnitStatus, StatusRule>> = {
  issued: { general: "open", euFmd: "open", why: "not yet commissioned" },
  commissioned: { general: "open", euFmd: "open", why: "FMD 'active'" },
  in_transit: { general: "open", euFmd: "open", why: "FMD 'active'" },
  sellable: { general: "open", euFmd: "open", why: "FMD 'active'" },
  returned: { general: "open", euFmd: "open", why: "FMD 'active'; verified before resale" },
  retail_sold: { general: "open", euFmd: "reversible", why: "a sale may be returned; FMD: supplied, undo within window" },
  dispensed: { general: "open", euFmd: "reversible", why: "FMD decommissioned 'supplied': undo within window" },
  decommissioned: { general: "open", euFmd: "reversible", why: "FMD decommissioned (sample, exported, locked…)" },
  expired: { general: "open", euFmd: "terminal", why: "general: expiry may be extended; FMD: irreversible" },
  recalled: { general: "final", euFmd: "terminal", why: "a recall must keep reaching the holder" },
  stolen: { general: "final", euFmd: "terminal", why: "FMD: irreversible; general: only recall or destruction" },
  destroyed: { general: "terminal", euFmd: "terminal", why: "the unit no longer exists" },
};

/** Statuses a reversal may return to: the EU FMD 'active' state in our finer terms. */
export const activeStatuses: ReadonlySet<UnitStatus> = new Set(["commissioned", "in_transit", "sellable", "returned"]);

/** Statuses that may enter over each exit rule: a recall or destruction is a fact that must show. */
export const overridingEntries: Readonly<Record<ExitRule, ReadonlySet<UnitStatus>>> = {
  open: new Set(),
  reversible: new Set(["recalled"]),
  final: new Set(["recalled", "destroyed"]),
  terminal: new Set(),
};

export function exitRuleOf(status: UnitStatus, policy: LifecyclePolicy): ExitRule {
  const rule = statusRules[status];
  return policy.euFmd ? rule.euFmd : rule.general;
}
