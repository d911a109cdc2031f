// Times on the case page: always UTC and always machine-readable, so analysts in different time zones
// read the same timeline and a screen reader or an export sees the exact instant.
const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatUtc(at: Date | string): string {
  return `${dates.format(typeof at === "string" ? new Date(at) : at)} UTC`;
}

export function When({ at }: { at: Date | string }) {
  const date = typeof at === "string" ? new Date(at) : at;
  return <time dateTime={date.toISOString()}>{formatUtc(date)}</time>;
}
