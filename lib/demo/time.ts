// Time helpers for the demo plan: days/months relative to the seed date, EPCIS local times.

export const DAY_MS = 86_400_000;

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** "2026-03-01" */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An instant written as EPCIS writes eventTime: local wall-clock time plus its offset. */
export function localTime(date: Date, offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) throw new Error(`bad offset ${offset}`);
  const minutes = (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  return new Date(date.getTime() + minutes * 60_000).toISOString().replace("Z", offset);
}

export const marketOffsets: Record<string, string> = {
  DE: "+01:00",
  FR: "+01:00",
  AT: "+01:00",
  NL: "+01:00",
  IT: "+01:00",
  US: "-05:00",
  JP: "+09:00",
  AE: "+04:00",
};
