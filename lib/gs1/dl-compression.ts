// GS1 Digital Link compression: a DL URI whose AI data is packed into one URI-safe base64 path
// segment (GS1 technical note "GS1 Digital Link: Compression"). Decoding is what a conformant resolver
// must do; encoding is provided so that round trips can be tested and links can be shortened.
import type { AiValue } from "./ai-element";
import { aiLengthByPrefix, bestQualifierPath, getAiEntry, isDlPrimaryKey } from "./ai-table";
import { BitReader, BitWriter, isSafe64 } from "./dl-compression-bits";
import { compressionParts, OPTIMISATION_BY_CODE, OPTIMISATIONS } from "./dl-compression-tables";
import { readValue, writeValue } from "./dl-compression-values";
import { CANONICAL_DL_STEM, renderDigitalLink } from "./digital-link-generate";
import { fail, ok, type Gs1Result } from "./errors";

/** Decode the compressed segment (without stem) into AI data in the order it was packed. */
export function decompressAiData(segment: string): Gs1Result<AiValue[]> {
  if (!isSafe64(segment)) return fail("DL_COMPRESSED_ILLEGAL_CHARACTER", "A compressed Digital Link segment holds only URI-safe base64 characters");
  const reader = new BitReader(segment);
  const elements: AiValue[] = [];
  const broken = (ai?: string) =>
    fail<AiValue[]>("DL_COMPRESSED_INVALID", ai ? `The compressed data for AI (${ai}) is invalid` : "The compressed Digital Link data is invalid", ai ? { ai } : {});
  while (!reader.atPadding()) {
    const hi = reader.readInt(4);
    const lo = reader.readInt(4);
    if (hi < 0 || lo < 0) return broken();
    let ais: readonly string[] | undefined;
    if (hi <= 9 && lo <= 9) {
      let ai = `${hi}${lo}`;
      const length = aiLengthByPrefix(ai);
      if (length === 0) return broken();
      while (ai.length < length) {
        const digit = reader.readInt(4);
        if (digit < 0 || digit > 9) return broken();
        ai += digit;
      }
      ais = [ai];
    } else {
      ais = OPTIMISATION_BY_CODE.get(hi * 16 + lo);
    }
    if (!ais) return fail("DL_COMPRESSED_UNKNOWN_CODE", `Unknown compression code ${(hi * 16 + lo).toString(16).toUpperCase()}`);
    // Values follow in ascending AI order, whatever order the optimisation table lists them in.
    for (const ai of [...ais].sort()) {
      const parts = compressionParts(ai);
      if (!parts) return fail("DL_COMPRESSED_UNKNOWN_AI", `Unknown AI (${ai}) in compressed data`, { ai });
      const value = readValue(reader, parts);
      if (value === null) return broken(ai);
      elements.push({ ai, value });
    }
  }
  if (elements.length === 0) return broken();
  return ok(elements);
}

/** Uncompressed DL URI for decoded AI data: key and qualifiers in the path, the rest in packed order. */
export function renderDecompressed(elements: readonly AiValue[], stem: string): Gs1Result<string> {
  const key = elements.find((e) => isDlPrimaryKey(e.ai));
  if (!key) return fail("DL_NO_PRIMARY_KEY", "The compressed data holds no GS1 DL primary key");
  const present = new Set(elements.map((e) => e.ai));
  const qualifierAis = bestQualifierPath(key.ai, present);
  const qualifiers = qualifierAis.flatMap((ai) => elements.filter((e) => e.ai === ai).slice(0, 1));
  const inPath = new Set([key, ...qualifiers]);
  const attributes = elements.filter((e) => !inPath.has(e));
  return ok(renderDigitalLink({ primaryKey: key, qualifiers, attributes }, stem));
}

export interface CompressedDigitalLinkParts {
  /** Everything before the compressed segment, with its trailing "/". */
  readonly stem: string;
  readonly segment: string;
  /** Query after the compressed segment (non-AI parameters), without "?"; "" when none. */
  readonly query: string;
  readonly fragment: string | null;
}

/** Split a URI into stem, last path segment, query and fragment; null when there is no path segment. */
export function splitCompressedUri(uri: string): CompressedDigitalLinkParts | null {
  const scheme = uri.indexOf("://");
  if (scheme < 0) return null;
  const hash = uri.indexOf("#");
  const beforeFragment = hash < 0 ? uri : uri.slice(0, hash);
  const question = beforeFragment.indexOf("?");
  const path = question < 0 ? beforeFragment : beforeFragment.slice(0, question);
  const slash = path.lastIndexOf("/");
  if (slash <= scheme + 3) return null;
  return {
    stem: path.slice(0, slash + 1),
    segment: path.slice(slash + 1),
    query: question < 0 ? "" : beforeFragment.slice(question + 1),
    fragment: hash < 0 ? null : uri.slice(hash + 1),
  };
}

/** Decompress a compressed GS1 Digital Link URI into its uncompressed form on the same stem. */
export function decompressDigitalLink(uri: string): Gs1Result<string> {
  const parts = splitCompressedUri(uri);
  if (!parts || parts.segment.length === 0) return fail("DL_COMPRESSED_INVALID", "The URI has no compressed path segment");
  const data = decompressAiData(parts.segment);
  if (!data.ok) return data;
  const rendered = renderDecompressed(data.value, parts.stem);
  if (!rendered.ok) return rendered;
  let out = rendered.value;
  if (parts.query) out += (out.includes("?") ? "&" : "?") + parts.query;
  if (parts.fragment !== null) out += `#${parts.fragment}`;
  return ok(out);
}

const digitCount = (ais: readonly string[]): number => ais.reduce((n, ai) => n + ai.length, 0);

/**
 * Pick the packing order: repeatedly the optimisation that saves most AI digits (first listed on a tie,
 * as GS1's prototype does), then the remaining AIs one by one. Values of a group go in ascending AI order.
 */
function packingGroups(elements: readonly AiValue[]): { code: number | null; items: AiValue[] }[] {
  const remaining = [...elements];
  const groups: { code: number | null; items: AiValue[] }[] = [];
  for (;;) {
    let best: (typeof OPTIMISATIONS)[number] | null = null;
    for (const candidate of OPTIMISATIONS) {
      if ((!best || digitCount(candidate[1]) > digitCount(best[1])) && candidate[1].every((ai) => remaining.some((e) => e.ai === ai))) best = candidate;
    }
    if (!best) break;
    const items = [...best[1]].sort().map((ai) => remaining.find((e) => e.ai === ai) as AiValue);
    for (const item of items) remaining.splice(remaining.indexOf(item), 1);
    groups.push({ code: best[0], items });
  }
  for (const item of remaining) groups.push({ code: null, items: [item] });
  return groups;
}

/** Compress AI data (a DL's key, qualifiers and attributes, in that order) onto a stem. */
export function compressAiData(elements: readonly AiValue[], stem: string = CANONICAL_DL_STEM): Gs1Result<string> {
  const writer = new BitWriter();
  for (const group of packingGroups(elements)) {
    if (group.code !== null) writer.writeInt(group.code, 8);
    for (const { ai, value } of group.items) {
      const parts = compressionParts(ai);
      if (!parts || !getAiEntry(ai)) return fail("DL_COMPRESSED_UNKNOWN_AI", `AI (${ai}) cannot be compressed`, { ai });
      if (group.code === null) for (const digit of ai) writer.writeInt(Number(digit), 4);
      if (!writeValue(writer, parts, value)) return fail("DL_COMPRESSED_UNENCODABLE", `The value of AI (${ai}) cannot be compressed`, { ai });
    }
  }
  const base = stem.endsWith("/") ? stem : `${stem}/`;
  return ok(base + writer.toSafe64());
}
