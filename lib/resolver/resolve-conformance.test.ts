// GS1's resolver test suite, replayed: its model linkset (../shared/gs1/resolver/modelLinkset.json) loaded as
// genuine's links, and each named check of resolver-conformance.md §2 that concerns resolution run as a table row.
import { describe, expect, it } from "vitest";

import { indexLinksByAnchor } from "./link-rows";
import { DEFAULT_LINK_URI } from "./linkset-document";
import { resolve } from "./resolve";
import { linksFromLinkset, type LinksetJson } from "./testing/linkset-fixture";
import { gs1LinksetSchemaErrors, readSharedJson } from "./testing/shared-gs1";
import { summary } from "./testing/summary";
import type { ResolutionRequest } from "./types";
import { anchorPath } from "./walk-up";

const STEM = "https://id.gs1.org";
const model = readSharedJson<LinksetJson>("resolver/modelLinkset.json");
const links = indexLinksByAnchor(linksFromLinkset(model, STEM));
const GTIN = { ai: "01", value: "09506000164908" };
const SERIAL = [{ ai: "21", value: "1234" }];

interface Probe {
  readonly serial?: boolean;
  readonly linkType?: string;
  readonly accept?: string;
  readonly acceptLanguage?: string;
  readonly context?: string;
  readonly query?: string;
}

function probe(p: Probe): ResolutionRequest {
  const qualifiers = p.serial ? SERIAL : [];
  return {
    stem: STEM,
    primaryKey: GTIN,
    qualifiers,
    attributes: [],
    linkType: p.linkType ?? null,
    context: p.context ?? null,
    acceptLanguage: p.acceptLanguage ?? null,
    accept: p.accept ?? null,
    rawQuery: p.query ?? "",
    canonicalUri: `${STEM}${anchorPath(GTIN, qualifiers)}`,
  };
}

const DEMO = "https://ref.gs1.org/tools/demo/2024retail";
const CERT = "gs1:certificationInfo";

// The suite sends a link's type as Accept, its first hreflang as Accept-Language and its first context as
// context= (testMultipleLinks, with the header fix of GS1DL-resolver-testsuite issue #21).
const checks: [check: string, p: Probe, expected: string][] = [
  ["defaultTarget", {}, `307 ${DEMO}/`],
  ["defaultTarget (serial DL walks up)", { serial: true }, `307 ${DEMO}/`],
  ["basicWalkUp (unknown serial is no 404)", { serial: true, linkType: "gs1:pip" }, `307 ${DEMO}/pip`],
  ["loForgs1homepage", { linkType: "gs1:homepage" }, `307 ${DEMO}/`],
  ["loForgs1instructions", { linkType: "gs1:instructions" }, `307 ${DEMO}/recycling`],
  ["loForgs1pip", { linkType: "gs1:pip" }, `307 ${DEMO}/pip`],
  ["loForgs1dpp (serial level)", { serial: true, linkType: "gs1:dpp" }, "307 https://example.com/dpp/7132mlkG"],
  ["loForgs1dpp absent at product level", { linkType: "gs1:dpp" }, "404 no-link-of-type"],
  ["loForgs1certificationInfo1 (fr, html)", { linkType: CERT, accept: "text/html", acceptLanguage: "fr" }, "307 https://www.oeko-tex.com/v/07.BH.52767"],
  ["loForgs1certificationInfo4 (pdf)", { linkType: CERT, accept: "application/pdf" }, "307 https://certificate.example/001"],
  ["loForgs1certificationInfo5 (pdf, en)", { linkType: CERT, accept: "application/pdf", acceptLanguage: "en" }, "307 https://certificate.example/002"],
  ["loForgs1certificationInfo6 (pdf, en, LK)", { linkType: CERT, accept: "application/pdf", acceptLanguage: "en", context: "LK" }, "307 https://certificate.example/003"],
  // Three html links without language or context are indistinguishable: 300 (the suite's 300 check, warn level).
  [
    "loForgs1certificationInfo0/2/3 (identical attributes → 300)",
    { linkType: CERT, accept: "text/html" },
    `300 ${DEMO}/certificates https://supplier.roadmaptozero.com/flp/certificate/verify/5067/95ac8a1acf238e6ae40d761400687fac https://supplier.roadmaptozero.com/flp/certificate/verify/5067/95ac8a1acf238e6ae40d761400687fac`,
  ],
  ["loForgs1sustainabilityInfo0 (en)", { linkType: "gs1:sustainabilityInfo", accept: "text/html", acceptLanguage: "en" }, `307 ${DEMO}/en/sustainability`],
  ["loForgs1sustainabilityInfo1 (fr)", { linkType: "gs1:sustainabilityInfo", accept: "text/html", acceptLanguage: "fr" }, `307 ${DEMO}/fr/sustainability`],
  ["loForgs1traceability (identical → 300)", { linkType: "gs1:traceability", accept: "text/html" }, `300 ${DEMO}/track-and-trace ${DEMO}/track-and-trace`],
  ["specificLinkTypeNotFound", { linkType: "gs1:nosuchlt" }, "404 unknown-link-type"],
  ["ltLinksetNoRedirect", { linkType: "linkset" }, `200 ${STEM}/01/09506000164908`],
  ["ltAllNoRedirect", { linkType: "all" }, `200 ${STEM}/01/09506000164908`],
  ["ltAcceptHeader", { accept: "application/linkset+json" }, `200 ${STEM}/01/09506000164908`],
  ["ltAcceptHeader (serial DL: both levels)", { serial: true, accept: "application/linkset+json" }, `200 ${STEM}/01/09506000164908/21/1234 ${STEM}/01/09506000164908`],
  ["qsPassedOn", { query: "foo=bar" }, `307 ${DEMO}/?foo=bar`],
];

describe("GS1 resolver test suite checks on its model linkset", () => {
  it.each(checks)("%s", (_check, p, expected) => {
    expect(summary(resolve(probe(p), links))).toBe(expected);
  });
});

describe("the linkset answer for the model data", () => {
  const outcome = resolve(probe({ serial: true, linkType: "linkset" }), links);
  const document = outcome.kind === "linkset" ? outcome.linkset : null;

  it("validLinkset: validates against GS1's linkset schema", () => {
    expect(gs1LinksetSchemaErrors(document)).toEqual([]);
  });

  it("defaultLinkExists / singleDefaulLink: one gs1:defaultLink with a title and no other attribute", () => {
    const product = document?.linkset.find((l) => l.anchor === `${STEM}/01/09506000164908`);
    expect(product?.[DEFAULT_LINK_URI]).toEqual([{ href: `${DEMO}/`, title: "Menu" }]);
  });

  it("carries every link of the model, per level", () => {
    // Descriptive link types only: the model publishes its default under ref.gs1.org/voc/defaultLink.
    const count = (l: Record<string, unknown>) => Object.entries(l).filter(([k]) => k.startsWith("https://") && !k.endsWith("/voc/defaultLink")).reduce((n, [, v]) => n + (v as unknown[]).length, 0);
    expect(document?.linkset.map(count)).toEqual([1, 14]);
    expect(model.linkset.map(count)).toEqual([14, 1]);
  });
});
