// Small builders for the lifecycle case tables (test-only; nothing in production imports it).
import type { LifecycleEvent, UnitState } from "../types";

export const T0 = Date.parse("2025-03-01T08:00:00Z");
/** A time `days` days (fractions allowed) after T0. */
export const day = (days: number): Date => new Date(T0 + days * 86_400_000);

export function objectEvent(
  bizStep: string | null,
  disposition: string | null,
  days: number,
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent {
  return { eventType: "ObjectEvent", action: "OBSERVE", bizStep, disposition, eventTime: day(days), ...extra };
}

export function unitAt(status: UnitState["status"], days: number | null, extra: Partial<UnitState> = {}): UnitState {
  return { status, statusEventTime: days === null ? null : day(days), ...extra };
}
