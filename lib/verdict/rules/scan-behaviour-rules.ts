// Rules on how this scan arrives: where, how often, and from a source doing what.
import { isBot } from "../scan-timeline";
import { reasonOf, type VerdictRule } from "./rule-context";

const MINUTE_MS = 60_000;

const normalizeCountry = (code: string) => code.trim().toUpperCase();

/**
 * Scanned outside the unit's markets (shipping destinations), else the product's intended markets.
 * Caution only: travellers and cross-border shoppers exist; it adds weight to the clone rules. Silent
 * without a country or without any market to compare with. A bot's location says nothing.
 */
export const outOfMarket: VerdictRule = ({ input, currentIsBot }) => {
  if (currentIsBot || input.scan.country === null || input.scan.country.trim() === "") return null;
  const unitMarkets = input.unit?.markets ?? [];
  const markets = unitMarkets.length > 0 ? unitMarkets : (input.product?.intendedMarkets ?? []);
  if (markets.length === 0) return null;
  const country = normalizeCountry(input.scan.country);
  if (markets.some((market) => normalizeCountry(market) === country)) return null;
  return reasonOf("out_of_market", { country, markets: [...markets], marketsFrom: unitMarkets.length > 0 ? "unit" : "product" });
};

/**
 * More than burstLimit people's scans in the window ending at this scan, (at − window, at]. Only the
 * window ending now: an old burst was reported on its own scans. Read backwards from the end of the
 * sorted timeline, so it costs the scans inside the window (plus any later than this scan).
 */
export const burst: VerdictRule = ({ input, policy, timeline }) => {
  const end = input.scan.at.getTime();
  const start = end - policy.burstWindowMinutes * MINUTE_MS;
  let count = 0;
  let earliest: number | null = null;
  for (let i = timeline.length - 1; i >= 0; i--) {
    const time = timeline[i]!.time;
    if (time > end) continue;
    if (time <= start) break;
    count++;
    earliest = time;
  }
  if (count <= policy.burstLimit) return null;
  return reasonOf("burst", {
    scans: count,
    limit: policy.burstLimit,
    windowMinutes: policy.burstWindowMinutes,
    firstAt: new Date(earliest!).toISOString(),
    lastAt: input.scan.at.toISOString(),
  });
};

/**
 * The source has missed many serials lately: it is guessing, and a hit may be harvested. Counted by
 * the caller per source, so it applies whatever user agent the source shows this time (enumeration
 * scripts often announce themselves as bots); a bot's scan still opens no case.
 */
export const probing: VerdictRule = ({ input, policy }) => {
  const misses = input.sourceMisses ?? 0;
  if (!(misses >= policy.probingMissLimit)) return null;
  return reasonOf("probing", { sourceMisses: misses, limit: policy.probingMissLimit, source: input.scan.sourceFingerprint });
};

export const botScan: VerdictRule = ({ input }) => (isBot(input.scan) ? reasonOf("bot_scan", { userAgentClass: input.scan.userAgentClass }) : null);
