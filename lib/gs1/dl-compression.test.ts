import { describe, expect, it } from "vitest";

import { parseBarcodeData } from "./barcode-data";
import { parseDigitalLink } from "./digital-link-parse";
import { compressAiData, decompressDigitalLink } from "./dl-compression";
import { loadVectors } from "./testing/load-vectors";

interface CompressionCase {
  readonly uncompressed: string;
  readonly compressed: string;
}

interface ToolkitFailure {
  readonly uncompressed: string;
  readonly compressed?: string;
  readonly toolkitDecompressed?: string;
  readonly error?: string;
}

const vectors = loadVectors<CompressionCase>("dl-compression.json");
const toolkitFailures = ((vectors as unknown as { toolkitFailures?: ToolkitFailure[] }).toolkitFailures ?? []);
const stemOf = (uri: string) => uri.slice(0, uri.indexOf("/", 8));
const plain = (elements: readonly { ai: string; value: string }[]) => elements.map(({ ai, value }) => `${ai}=${value}`);

describe("GS1 DL compression vectors (dl-compression.json)", () => {
  it.each(vectors.cases.map((c) => [c.uncompressed, c] as const))("uncompressed form parses: %s", (_name, c) => {
    const result = parseDigitalLink(c.uncompressed, { validateAssociations: false });
    expect(result.ok, result.ok ? "" : result.error.message).toBe(true);
  });

  it.each(vectors.cases.map((c) => [c.compressed, c] as const))("decompresses %s exactly", (_name, c) => {
    const result = decompressDigitalLink(c.compressed);
    expect(result.ok ? result.value : result.error.message).toBe(c.uncompressed);
  });

  it.each(vectors.cases.map((c) => [c.compressed, c] as const))("parses %s like its uncompressed form", (_name, c) => {
    const compressed = parseDigitalLink(c.compressed, { validateAssociations: false });
    const uncompressed = parseDigitalLink(c.uncompressed, { validateAssociations: false });
    expect(compressed.ok, compressed.ok ? "" : compressed.error.message).toBe(true);
    if (!compressed.ok || !uncompressed.ok) return;
    expect(compressed.value.compressed).toBe(true);
    expect(plain(compressed.value.elements).sort()).toEqual(plain(uncompressed.value.elements).sort());
    expect(compressed.value.canonicalUri).toBe(uncompressed.value.canonicalUri);
  });

  it.each(vectors.cases.map((c) => [c.uncompressed, c] as const))("compresses %s to the prototype's output", (_name, c) => {
    const parsed = parseDigitalLink(c.uncompressed, { validateAssociations: false });
    const compressed = parsed.ok ? compressAiData(parsed.value.elements, stemOf(c.uncompressed)) : null;
    expect(compressed?.ok ? compressed.value : compressed).toBe(c.compressed);
  });

  it("parseBarcodeData decodes a compressed DL (also from a QR scan)", () => {
    const first = vectors.cases[0];
    expect(first && parseBarcodeData(first.compressed).ok).toBe(true);
    expect(first && parseBarcodeData(`]Q1${first.compressed}`).ok).toBe(true);
  });

  it("keeps non-AI query parameters and the fragment of a compressed DL", () => {
    const result = decompressDigitalLink("https://example.com/CxFKk4XB0MpZyemo?linkType=gs1:pip#x");
    expect(result.ok ? result.value : result.error.message).toBe("https://example.com/01/09506000134376/10/LOT01?linkType=gs1:pip#x");
  });

  it("rejects segments that are not compressed data, leaving the uncompressed parser's error", () => {
    expect(decompressDigitalLink("https://example.com/ZZZZZZZZ").ok).toBe(false);
    const result = parseDigitalLink("https://example.com/ZZZZZZZZ");
    expect(result.ok ? "" : result.error.code).toBe("DL_NO_PRIMARY_KEY");
  });
});

// The prototype's own faults (listed in toolkitFailures) must not be copied.
describe("GS1 DL compression: the prototype's failures", () => {
  const withCompressed = toolkitFailures.filter((c) => c.compressed !== undefined);

  it("keeps leading zeros the prototype dropped (0001, 0001234567)", () => {
    for (const c of withCompressed.filter((f) => /\/21\/0001/.test(f.uncompressed))) {
      const result = decompressDigitalLink(c.compressed ?? "");
      expect(result.ok ? result.value : result.error.message).toBe(c.uncompressed);
    }
  });

  it("decodes the bits as given where the prototype's compressor rounded (it encoded 12345678901234567168)", () => {
    const c = withCompressed.find((f) => f.uncompressed.endsWith("/21/12345678901234567890"));
    const result = c?.compressed ? decompressDigitalLink(c.compressed) : null;
    expect(result?.ok ? result.value : null).toBe("https://example.com/01/04012345000016/21/12345678901234567168");
    const exact = compressAiData([{ ai: "01", value: "04012345000016" }, { ai: "21", value: "12345678901234567890" }], "https://example.com");
    expect(exact.ok && decompressDigitalLink(exact.value)).toEqual({ ok: true, value: "https://example.com/01/04012345000016/21/12345678901234567890" });
  });

  it("puts a qualifier received in the query back in the path (its uncompressed input was not valid)", () => {
    const c = withCompressed.find((f) => f.uncompressed.includes("&10=LOT9"));
    const result = c?.compressed ? decompressDigitalLink(c.compressed) : null;
    expect(result?.ok ? result.value : null).toBe(c?.toolkitDecompressed);
  });

  // (The fifth, a serial with spaces, is not a valid DL: a space is not in CSET 82.)
  it("compresses what the prototype could not (235 qualifier, 417, 8017, 402)", () => {
    for (const c of toolkitFailures.filter((f) => /\/(235|417|8017|402)\//.test(f.uncompressed))) {
      const parsed = parseDigitalLink(c.uncompressed, { validateAssociations: false });
      expect(parsed.ok, c.uncompressed).toBe(true);
      const compressed = parsed.ok ? compressAiData(parsed.value.elements, stemOf(c.uncompressed)) : null;
      const back = compressed?.ok ? decompressDigitalLink(compressed.value) : null;
      expect(back?.ok ? back.value : back, c.uncompressed).toBe(c.uncompressed);
    }
  });
});
