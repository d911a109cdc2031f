// The case's scans grouped by who scanned: per device (one phone scanning again is not a clone) or per
// source network (many devices behind one network is a shop or a family; many networks is a spread).
// The grouping is a link, so the page stays a server component and works without JavaScript.
import Link from "next/link";
import { ruleLabel } from "@/lib/cases/evidence-figures";
import { groupScans, shortFingerprint, splitRepeatScanners, type GroupableScan, type TimelineGrouping } from "@/lib/cases/scan-path";
import styles from "./case-page.module.css";
import { verdictColour, verdictLabel } from "./verdict-style";
import { When } from "./when";

export interface TimelineScan extends GroupableScan {
  id: number;
  at: Date;
  city: string | null;
  region: string | null;
  risk: number;
  reasons: readonly string[];
  userAgentClass: string;
  channel: string;
  linkType: string | null;
}

const groupingLabels: Record<TimelineGrouping, { tab: string; one: string; other: string }> = {
  device: { tab: "By device", one: "Device", other: "Network" },
  source: { tab: "By source network", one: "Network", other: "Device" },
};

/** More groups than this start closed: the summaries are the overview, the rows the detail. */
const OPEN_GROUPS = 3;

function ScanRows({ scans, by, caption, showOwn }: { scans: readonly TimelineScan[]; by: TimelineGrouping; caption: string; showOwn: boolean }) {
  const words = groupingLabels[by];
  return (
    <div className="table-wrap">
      <table className={styles.scanTable}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Place</th>
            <th scope="col">Verdict</th>
            <th scope="col">Risk</th>
            <th scope="col">Rules</th>
            {showOwn && <th scope="col">{words.one}</th>}
            <th scope="col">{words.other}</th>
            <th scope="col">Client</th>
          </tr>
        </thead>
        <tbody>
          {scans.map((s) => (
            <tr key={s.id}>
              <td>
                <When at={s.at} />
              </td>
              <td>{[s.city ?? s.region, s.country].filter(Boolean).join(", ") || "—"}</td>
              <td>{verdictLabel(s.verdict)}</td>
              <td>{s.risk}</td>
              <td>{s.reasons.length ? s.reasons.map(ruleLabel).join(", ") : "—"}</td>
              {showOwn && <td className="mono">{shortFingerprint(by === "device" ? s.deviceFingerprint : s.sourceFingerprint)}</td>}
              <td className="mono">{shortFingerprint(by === "device" ? s.sourceFingerprint : s.deviceFingerprint)}</td>
              <td>
                {s.userAgentClass.replace("_", " ")}
                {s.channel !== "consumer" && ` · ${s.channel}`}
                {s.linkType && <span className="muted"> · {s.linkType}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ScanTimeline({ scans, by, hrefFor }: { scans: readonly TimelineScan[]; by: TimelineGrouping; hrefFor: (by: TimelineGrouping) => string }) {
  const groups = groupScans(scans, by);
  const { repeated, once, onceGroups } = splitRepeatScanners(groups);
  const words = groupingLabels[by];
  const noun = by === "device" ? "device" : "network";
  const known = groups.filter((g) => g.key !== null).length;
  const onceCountries = new Set(once.map((s) => s.country).filter(Boolean)).size;
  return (
    <>
      <ul className={styles.switch} aria-label="Group the scans">
        {(Object.keys(groupingLabels) as TimelineGrouping[]).map((g) => (
          <li key={g}>
            <Link href={hrefFor(g)} aria-current={g === by ? "true" : undefined} scroll={false}>
              {groupingLabels[g].tab}
            </Link>
          </li>
        ))}
      </ul>
      {groups.length === 0 ? (
        <p className="muted">No scans to show.</p>
      ) : (
        <>
          <p>
            {scans.length} scan{scans.length === 1 ? "" : "s"} from {known} {noun}
            {known === 1 ? "" : "s"}
            {onceGroups > 0 && (
              <>
                ; {onceGroups === known ? (known === 1 ? "it" : "each of them") : onceGroups} scanned it only once
              </>
            )}
            . Oldest first.
          </p>
          {repeated.map((group, i) => (
            <details key={group.key ?? "none"} className={styles.group} open={repeated.length <= OPEN_GROUPS || i === 0}>
              <summary>
                <span className={styles.dot} style={{ background: verdictColour(group.worstVerdict) }} aria-hidden="true" />{" "}
                <strong>{group.key === null ? `${words.one} not recorded` : <>{words.one} <span className="mono">{group.label}</span></>}</strong> · {group.scans.length} scan
                {group.scans.length === 1 ? "" : "s"} · {group.countries.join(", ") || "no country"} · <When at={group.firstAt} />
                {group.lastAt !== group.firstAt && (
                  <>
                    {" – "}
                    <When at={group.lastAt} />
                  </>
                )}{" "}
                · worst: {verdictLabel(group.worstVerdict)}
              </summary>
              <ScanRows scans={group.scans} by={by} caption={`Scans by ${words.one.toLowerCase()} ${group.label}`} showOwn={false} />
            </details>
          ))}
          {once.length > 0 && (
            <details className={styles.group} open={repeated.length === 0 || once.length <= 10}>
              <summary>
                <strong>
                  {onceGroups} {noun}
                  {onceGroups === 1 ? "" : "s"} seen once
                </strong>{" "}
                · {onceCountries} countr{onceCountries === 1 ? "y" : "ies"}
              </summary>
              <ScanRows scans={once} by={by} caption={`Scans by ${noun}s that scanned only once`} showOwn />
            </details>
          )}
        </>
      )}
    </>
  );
}
