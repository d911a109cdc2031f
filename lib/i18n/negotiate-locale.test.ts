import { describe, expect, it } from "vitest";
import { localized, negotiateLocale, parseAcceptLanguage } from "./negotiate-locale";

describe("negotiateLocale", () => {
  it.each([
    [null, ["en", "fr", "de"], "en"],
    ["de-DE,de;q=0.9,en;q=0.8", ["en", "fr", "de"], "de"],
    ["fr-CA", ["en", "fr"], "fr"],
    ["es-ES,es;q=0.9", ["en", "fr"], "en"],
    ["en;q=0.5, fr;q=0.9", ["en", "fr"], "fr"],
    ["*", ["en", "fr"], "en"],
    ["de;q=0", ["en", "de"], "en"],
    ["pt-BR", ["pt-PT", "pt-BR"], "pt-BR"],
    ["PT", ["en", "pt-BR"], "pt-BR"],
  ] as const)("%s from %j → %s", (header, available, expected) => {
    expect(negotiateLocale(header, available, "en")).toBe(expected);
  });

  it("orders equal weights by position", () => {
    expect(parseAcceptLanguage("fr, de, en;q=0.1")).toEqual(["fr", "de", "en"]);
  });

  it("falls back from the locale to its base language, English, then anything", () => {
    expect(localized({ en: "Hello", de: "Hallo" }, "de-AT")).toBe("Hallo");
    expect(localized({ en: "Hello" }, "ja")).toBe("Hello");
    expect(localized({ fr: "Bonjour" }, "ja")).toBe("Bonjour");
    expect(localized(null, "en")).toBe("");
  });
});
