// Clone detection: more distinct devices hold this code than one household would have.
import { keyIdOf } from "../scan-timeline";
import { reasonOf, type VerdictRule } from "./rule-context";

/**
 * Distinct values per key id, and the largest of those counts. After a key rotation one device has
 * two hashes; taking the largest group instead of the sum never counts one device twice, at the cost
 * of under-counting for the length of the history window after a rotation.
 */
export class DistinctByKey {
  private readonly groups = new Map<string, Set<string>>();

  add(value: string | null): void {
    if (value === null) return;
    const key = keyIdOf(value);
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = new Set()));
    group.add(value);
  }

  get count(): number {
    let largest = 0;
    for (const group of this.groups.values()) largest = Math.max(largest, group.size);
    return largest;
  }
}

export function distinctByKey(values: Iterable<string | null>): number {
  const distinct = new DistinctByKey();
  for (const value of values) distinct.add(value);
  return distinct.count;
}

/**
 * Devices are the signal; networks corroborate. Many devices on few networks is a family, a shop or
 * someone browsing privately (caution); many devices on many networks is many people in many places
 * with the same code (suspect). The weight grows with the excess so the worst clones sort first.
 */
export const distinctScanners: VerdictRule = ({ policy, timeline }) => {
  const limit = policy.maxDistinctScanners;
  const scannerSet = new DistinctByKey();
  const sourceSet = new DistinctByKey();
  for (const scan of timeline) {
    // A scan's device, or its network source when the device id is missing (cookies refused).
    scannerSet.add(scan.deviceFingerprint ?? scan.sourceFingerprint);
    sourceSet.add(scan.sourceFingerprint);
  }
  const scanners = scannerSet.count;
  if (scanners <= limit) return null;
  const sources = sourceSet.count;
  const corroborated = sources > limit;
  const excess = scanners - limit;
  return reasonOf(
    "distinct_scanners",
    {
      scanners,
      sources,
      limit,
      scansCounted: timeline.length,
      corroboratedBySources: corroborated,
      firstScanAt: timeline[0]?.at.toISOString() ?? null,
      lastScanAt: timeline.at(-1)?.at.toISOString() ?? null,
    },
    corroborated
      ? { severity: "suspect", weight: Math.min(0.85, 0.5 + 0.05 * (excess - 1)) }
      : { severity: "caution", weight: Math.min(0.4, 0.25 + 0.025 * (excess - 1)) },
  );
};
