// Which kind of client scanned: people's browsers and in-app scanners count as scans; bots and link
// previewers are recorded as such and left out of every count (a chat app unfurling a link is not a
// second person holding the pack).
import type { UserAgentClass } from "@/db/schema";

// Crawlers, link previewers, monitors and HTTP libraries. Checked first: many previewers also say "Mozilla".
const BOT =
  /bot\b|bot\/|crawler|spider|slurp|facebookexternalhit|meta-externalagent|whatsapp|telegram|discord|slack|skypeuripreview|linkedin|embedly|pinterest|bingpreview|google-inspectiontool|headlesschrome|lighthouse|pagespeed|curl\/|wget\/|python-requests|python-urllib|aiohttp|go-http-client|java\/|okhttp|axios|node-fetch|undici|libwww|httpclient|postman|insomnia|uptime|pingdom|monitor/i;
// Dedicated barcode / GS1 scanning apps and handheld scanners' browsers.
const SCANNER = /zebra|honeywell|datalogic|scandit|zxing|barcode|qr ?scanner|gs1/i;
// Browsers embedded in social and messaging apps, and camera apps' web views.
const IN_APP = /fban|fbav|instagram|line\/|micromessenger|wechat|weibo|snapchat|tiktok|bytedance|musical_ly|; wv\)|gsa\//i;
const BROWSER = /mozilla\/|opera\//i;

export function userAgentClass(userAgent: string | null | undefined): UserAgentClass {
  const ua = userAgent?.trim() ?? "";
  if (ua === "") return "unknown";
  if (BOT.test(ua)) return "bot";
  if (SCANNER.test(ua)) return "scanner";
  if (IN_APP.test(ua)) return "in_app";
  if (BROWSER.test(ua)) return "browser";
  return "unknown";
}

/** Bots never count towards scan counts, distinct scanners or verdict rules. */
export const countsAsPerson = (kind: UserAgentClass) => kind !== "bot";
