import { describe, expect, it } from "vitest";

import { toUnbracketed } from "./element-string";
import { generateScanData, processScanData, type Symbology } from "./scan-data";
import { loadVectors } from "./testing/load-vectors";

interface ScanCase {
  readonly id: string;
  readonly test: "processScanData" | "generateScanData";
  readonly valid: boolean;
  readonly scanData?: string;
  readonly expectedSymbology?: string;
  readonly expectedDataStr?: string;
  readonly expectedDLelementString?: string;
  readonly symbology?: string;
  readonly dataStr?: string;
  readonly expectedScanData?: string | null;
  readonly flags?: { readonly addCheckDigit: boolean };
}

const vectors = loadVectors<ScanCase>("scan-data.json");

describe("scan data on GS1's scan-data.json vectors", () => {
  it.each(vectors.cases.map((c) => [`${c.test} ${c.id} ${JSON.stringify(c.scanData ?? c.dataStr)}`, c] as const))("%s", (_name, c) => {
    if (c.test === "processScanData") {
      // The engine's scan processing validates each AI but applies no cross-AI rules.
      const result = processScanData(c.scanData ?? "", { validateAssociations: false });
      expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
      expect(result.ok ? result.value.symbology : "NONE").toBe(c.expectedSymbology);
      expect(result.ok ? result.value.dataString : "").toBe(c.expectedDataStr);
      if (result.ok && c.expectedDLelementString !== undefined) {
        const dl = result.value.digitalLink;
        expect(dl ? toUnbracketed(dl.elements) : "").toBe(c.expectedDLelementString);
      }
    } else {
      if (c.symbology === "NONE") {
        expect(c.valid).toBe(false); // there is no symbology to generate for
        return;
      }
      const result = generateScanData(c.symbology as Symbology, c.dataStr ?? "", c.flags);
      expect(result.ok, result.ok ? "" : result.error.message).toBe(c.valid);
      if (result.ok) expect(result.value).toBe(c.expectedScanData);
    }
  });
});

describe("processScanData", () => {
  it("reads an EAN-13 primary as (01)", () => {
    const result = processScanData("]E09520123456788");
    expect(result.ok && result.value.elements.map((e) => [e.ai, e.value])).toEqual([["01", "09520123456788"]]);
  });
});
