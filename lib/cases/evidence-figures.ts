// The figures that made a rule fire, in words an analyst reads: cases.evidence keeps each rule's detail
// as free JSON (it differs per rule and grows with new rules), so it is labelled and formatted here
// generically, with units read from the key's name ("distanceKm" → "1,234 km").
import type { RuleEvidence } from "@/db/schema";
import { VERDICT_RULES } from "@/lib/verdict/rules-catalogue";
import type { ReasonCode } from "@/lib/verdict/types";

export interface EvidenceFigure {
  label: string;
  value: string;
}

export interface DescribedEvidence {
  rule: string;
  /** The catalogue's description, or a plain statement for a rule this build does not know. */
  description: string;
  severity: RuleEvidence["severity"];
  figures: EvidenceFigure[];
}

// Where a key's own words read badly: the rest are split from camelCase.
const labels: Record<string, string> = {
  scanRef: "Scan",
  at: "Recorded at",
  kmh: "Speed",
  km: "Distance",
  limitKmh: "Speed limit",
  speedKmh: "Speed",
  corroboratedBySources: "Networks agree",
  sourceMisses: "Unknown serials tried by the source",
  involvesCurrentScan: "Involves the latest scan",
  sameDeviceHopsSkipped: "Hops by one device, skipped",
  marketsFrom: "Markets from",
  serialBlacklisted: "Serial blacklisted",
  lat: "Latitude",
  lon: "Longitude",
};

// jsonb keeps an object's keys in its own order (by length): read the usual figures in a sensible one.
const preferredOrder = ["from", "to", "country", "countries", "markets", "km", "distanceKm", "hours", "kmh", "speedKmh", "scanners", "devices", "sources", "scans", "limit", "limitKmh"];
const rank = (key: string) => (preferredOrder.includes(key) ? preferredOrder.indexOf(key) : preferredOrder.length);

// Keys of no use to a person reading the evidence (the rule's internal weight is shown as risk elsewhere).
const hidden = new Set(["weight", "code"]);

const MAX_DEPTH = 2;
const MAX_LIST = 5;
const numbers = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const dates = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function labelOf(key: string): string {
  if (labels[key]) return labels[key];
  const words = key
    .replace(/Kmh$/, "")
    .replace(/Km$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function unitOf(key: string): string {
  if (/kmh$/i.test(key)) return " km/h";
  if (/km$/i.test(key)) return " km";
  if (/hours$/i.test(key)) return " h";
  if (/minutes$/i.test(key)) return " min";
  return "";
}

/** One value as text; objects and lists are summarised so a figure stays one line. */
export function formatEvidenceValue(key: string, value: unknown, depth = 0): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return Number.isFinite(value) ? `${numbers.format(value)}${unitOf(key)}` : "—";
  if (typeof value === "string") {
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return `${dates.format(new Date(value))} UTC`;
    return value === "" ? "—" : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    const shown = value.slice(0, MAX_LIST).map((v) => formatEvidenceValue(key, v, depth + 1));
    return value.length > MAX_LIST ? `${shown.join(", ")} and ${value.length - MAX_LIST} more` : shown.join(", ");
  }
  if (typeof value === "object") {
    if (depth >= MAX_DEPTH) return "…";
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !hidden.has(k))
      .map(([k, v]) => `${labelOf(k).toLowerCase()} ${formatEvidenceValue(k, v, depth + 1)}`);
    return parts.length ? parts.join("; ") : "—";
  }
  return String(value);
}

export function describeEvidence(evidence: RuleEvidence): DescribedEvidence {
  const info = VERDICT_RULES[evidence.rule as ReasonCode] as (typeof VERDICT_RULES)[ReasonCode] | undefined;
  const detail = evidence.detail && typeof evidence.detail === "object" ? evidence.detail : {};
  return {
    rule: evidence.rule,
    description: info?.description ?? `The rule “${evidence.rule}” fired.`,
    severity: evidence.severity,
    figures: Object.entries(detail)
      .filter(([key]) => !hidden.has(key))
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, value]) => ({ label: labelOf(key), value: formatEvidenceValue(key, value) })),
  };
}

/** A rule's code in words: "impossible_travel" → "Impossible travel". */
export function ruleLabel(rule: string): string {
  const words = rule.replace(/_/g, " ");
  return words ? words[0]!.toUpperCase() + words.slice(1) : rule;
}
