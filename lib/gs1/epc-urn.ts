// EPC URNs (GS1 Tag Data Standard pure-identity, class and pattern forms) <-> GS1 AI data.
// URNs split a key at the GS1 Company Prefix, so converting AI data to a URN needs the GCP length,
// which only the key's owner (or a GEPIR/GCP-length lookup) can supply.
import type { AiValue } from "./ai-element";
import { computeCheckDigit } from "./check-digit";
import { fail, ok, type Gs1Result } from "./errors";

export interface EpcUrnData {
  /** e.g. "id:sgtin", "class:lgtin", "idpat:sgtin" */
  readonly scheme: string;
  readonly gcpLength: number;
  readonly elements: readonly AiValue[];
}

// Characters of GS1 AI data that the URN syntax requires to be percent-escaped.
const URN_ESCAPES: Readonly<Record<string, string>> = { '"': "%22", "%": "%25", "&": "%26", "/": "%2F", "<": "%3C", ">": "%3E", "?": "%3F" };

function escapeUrn(value: string): string {
  return value.replace(/["%&/<>?]/g, (c) => URN_ESCAPES[c] ?? c);
}

function unescapeUrn(value: string): string {
  return value.replace(/%([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const digits = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s);
const withCheck = (body: string): string => body + (computeCheckDigit(body) ?? "");

type Fields = readonly string[];
type Decoder = (f: Fields) => AiValue[] | null;

/** indicator/extension digit + GCP + reference, as used by GTIN, ITIP and SSCC. */
function leadingDigitKey(cp: string | undefined, ref: string | undefined, totalDigits: number): string | null {
  if (!digits(cp) || !digits(ref) || cp.length + ref.length !== totalDigits) return null;
  return withCheck(ref.charAt(0) + cp + ref.slice(1));
}

function plainKey(cp: string | undefined, ref: string | undefined, totalDigits: number): string | null {
  if (!digits(cp) || (ref !== "" && !digits(ref)) || ref === undefined || cp.length + ref.length !== totalDigits) return null;
  return withCheck(cp + ref);
}

const DECODERS: Readonly<Record<string, Decoder>> = {
  "id:sgtin": ([cp, ir, serial]) => {
    const gtin = leadingDigitKey(cp, ir, 13);
    return gtin && serial ? [{ ai: "01", value: gtin }, { ai: "21", value: unescapeUrn(serial) }] : null;
  },
  "idpat:sgtin": ([cp, ir, serial]) => {
    const gtin = leadingDigitKey(cp, ir, 13);
    if (!gtin || serial !== "*") return null;
    return [{ ai: "01", value: gtin }];
  },
  "class:lgtin": ([cp, ir, lot]) => {
    const gtin = leadingDigitKey(cp, ir, 13);
    return gtin && lot ? [{ ai: "01", value: gtin }, { ai: "10", value: unescapeUrn(lot) }] : null;
  },
  "id:upui": ([cp, ir, tpx]) => {
    const gtin = leadingDigitKey(cp, ir, 13);
    return gtin && tpx ? [{ ai: "01", value: gtin }, { ai: "235", value: unescapeUrn(tpx) }] : null;
  },
  "id:sscc": ([cp, sr]) => {
    const sscc = leadingDigitKey(cp, sr, 17);
    return sscc ? [{ ai: "00", value: sscc }] : null;
  },
  "id:sgln": ([cp, loc, ext]) => {
    const gln = plainKey(cp, loc, 12);
    if (!gln || !ext) return null;
    return ext === "0" ? [{ ai: "414", value: gln }] : [{ ai: "414", value: gln }, { ai: "254", value: unescapeUrn(ext) }];
  },
  "id:pgln": ([cp, ref]) => {
    const gln = plainKey(cp, ref, 12);
    return gln ? [{ ai: "417", value: gln }] : null;
  },
  "id:grai": ([cp, type, serial]) => {
    const grai = plainKey(cp, type, 12);
    return grai && serial ? [{ ai: "8003", value: `0${grai}${unescapeUrn(serial)}` }] : null;
  },
  "idpat:grai": ([cp, type, serial]) => {
    const grai = plainKey(cp, type, 12);
    return grai && serial === "*" ? [{ ai: "8003", value: `0${grai}` }] : null;
  },
  "id:giai": ([cp, ref]) => (digits(cp) && ref ? [{ ai: "8004", value: cp + unescapeUrn(ref) }] : null),
  "id:gsrn": ([cp, ref]) => {
    const gsrn = plainKey(cp, ref, 17);
    return gsrn ? [{ ai: "8018", value: gsrn }] : null;
  },
  "id:gsrnp": ([cp, ref]) => {
    const gsrn = plainKey(cp, ref, 17);
    return gsrn ? [{ ai: "8017", value: gsrn }] : null;
  },
  "id:gdti": ([cp, type, serial]) => {
    const gdti = plainKey(cp, type, 12);
    return gdti && serial ? [{ ai: "253", value: gdti + unescapeUrn(serial) }] : null;
  },
  "id:sgcn": ([cp, ref, serial]) => {
    const gcn = plainKey(cp, ref, 12);
    return gcn && serial ? [{ ai: "255", value: gcn + serial }] : null;
  },
  "id:ginc": ([cp, ref]) => (digits(cp) && ref ? [{ ai: "401", value: cp + unescapeUrn(ref) }] : null),
  "id:gsin": ([cp, ref]) => {
    const gsin = plainKey(cp, ref, 16);
    return gsin ? [{ ai: "402", value: gsin }] : null;
  },
  "id:cpi": ([cp, part, serial]) =>
    digits(cp) && part && digits(serial) ? [{ ai: "8010", value: cp + unescapeUrn(part) }, { ai: "8011", value: serial }] : null,
  "id:itip": ([cp, ir, piece, total, serial]) => {
    const gtin = leadingDigitKey(cp, ir, 13);
    if (!gtin || !digits(piece) || !digits(total) || piece.length !== 2 || total.length !== 2 || !serial) return null;
    return [{ ai: "8006", value: gtin + piece + total }, { ai: "21", value: unescapeUrn(serial) }];
  },
};

/** Convert an EPC URN (urn:epc:id:..., urn:epc:class:lgtin:..., urn:epc:idpat:...) to AI data. */
export function epcUrnToElements(urn: string): Gs1Result<EpcUrnData> {
  const match = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/.exec(typeof urn === "string" ? urn : "");
  if (!match) return fail("EPC_URN_SYNTAX", "Not an EPC URN of the form urn:epc:id|class|idpat:<scheme>:<fields>", { offset: 0 });
  const scheme = `${match[1]}:${match[2]}`;
  const decoder = DECODERS[scheme];
  if (!decoder) return fail("EPC_URN_UNSUPPORTED_SCHEME", `EPC scheme "${scheme}" has no GS1 AI equivalent here`, { offset: 8 });
  const fields = (match[3] ?? "").split(".");
  const elements = decoder(fields);
  if (!elements) return fail("EPC_URN_FIELDS", `The fields of this ${scheme} URN do not form a valid GS1 key`, { offset: match[0].length - (match[3] ?? "").length });
  return ok({ scheme, gcpLength: fields[0]?.length ?? 0, elements });
}

function find(elements: readonly AiValue[], ai: string): string | undefined {
  return elements.find((e) => e.ai === ai)?.value;
}

/** Split a key body at the GCP: "cp.ref" where the leading indicator/extension digit moves to the reference. */
function splitLeading(key: string, gcpLength: number): string {
  return `${key.slice(1, 1 + gcpLength)}.${key.charAt(0)}${key.slice(1 + gcpLength, -1)}`;
}

function splitPlain(key: string, gcpLength: number, bodyLength: number): string {
  return `${key.slice(0, gcpLength)}.${key.slice(gcpLength, bodyLength)}`;
}

/**
 * Convert AI data to the EPC URN for its key. `gcpLength` is the length of the GS1 Company Prefix inside
 * the key (6 to 12 digits); it cannot be derived from the key itself.
 */
export function elementsToEpcUrn(elements: readonly AiValue[], gcpLength: number): Gs1Result<string> {
  if (!Number.isInteger(gcpLength) || gcpLength < 4 || gcpLength > 12) {
    return fail("EPC_GCP_LENGTH", "The GS1 Company Prefix length must be an integer from 4 to 12");
  }
  const gtin = find(elements, "01");
  const serial = find(elements, "21");
  const sscc = find(elements, "00");
  const itip = find(elements, "8006");
  if (sscc) return ok(`urn:epc:id:sscc:${splitLeading(sscc, gcpLength)}`);
  if (itip && serial) {
    return ok(`urn:epc:id:itip:${splitLeading(itip.slice(0, 14), gcpLength)}.${itip.slice(14, 16)}.${itip.slice(16, 18)}.${escapeUrn(serial)}`);
  }
  if (gtin) {
    const base = splitLeading(gtin, gcpLength);
    const tpx = find(elements, "235");
    const lot = find(elements, "10");
    if (serial) return ok(`urn:epc:id:sgtin:${base}.${escapeUrn(serial)}`);
    if (tpx) return ok(`urn:epc:id:upui:${base}.${escapeUrn(tpx)}`);
    if (lot) return ok(`urn:epc:class:lgtin:${base}.${escapeUrn(lot)}`);
    return ok(`urn:epc:idpat:sgtin:${base}.*`);
  }
  const gln = find(elements, "414");
  if (gln) return ok(`urn:epc:id:sgln:${splitPlain(gln, gcpLength, 12)}.${escapeUrn(find(elements, "254") ?? "0")}`);
  const party = find(elements, "417");
  if (party) return ok(`urn:epc:id:pgln:${splitPlain(party, gcpLength, 12)}`);
  const grai = find(elements, "8003");
  if (grai) {
    const key = grai.slice(1, 14);
    const assetSerial = grai.slice(14);
    return ok(assetSerial ? `urn:epc:id:grai:${splitPlain(key, gcpLength, 12)}.${escapeUrn(assetSerial)}` : `urn:epc:idpat:grai:${splitPlain(key, gcpLength, 12)}.*`);
  }
  const giai = find(elements, "8004");
  if (giai) return ok(`urn:epc:id:giai:${giai.slice(0, gcpLength)}.${escapeUrn(giai.slice(gcpLength))}`);
  const gsrnp = find(elements, "8017");
  if (gsrnp) return ok(`urn:epc:id:gsrnp:${splitPlain(gsrnp, gcpLength, 17)}`);
  const gsrn = find(elements, "8018");
  if (gsrn) return ok(`urn:epc:id:gsrn:${splitPlain(gsrn, gcpLength, 17)}`);
  const gdti = find(elements, "253");
  if (gdti) return ok(`urn:epc:id:gdti:${splitPlain(gdti, gcpLength, 12)}.${escapeUrn(gdti.slice(13))}`);
  const gcn = find(elements, "255");
  if (gcn && gcn.length > 13) return ok(`urn:epc:id:sgcn:${splitPlain(gcn, gcpLength, 12)}.${gcn.slice(13)}`);
  const ginc = find(elements, "401");
  if (ginc) return ok(`urn:epc:id:ginc:${ginc.slice(0, gcpLength)}.${escapeUrn(ginc.slice(gcpLength))}`);
  const gsin = find(elements, "402");
  if (gsin) return ok(`urn:epc:id:gsin:${splitPlain(gsin, gcpLength, 16)}`);
  const cpid = find(elements, "8010");
  const cpsn = find(elements, "8011");
  if (cpid && cpsn) return ok(`urn:epc:id:cpi:${cpid.slice(0, gcpLength)}.${escapeUrn(cpid.slice(gcpLength))}.${cpsn}`);
  return fail("EPC_NO_KEY", "The AI data has no key with an EPC URN form");
}
