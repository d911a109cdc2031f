import { describe, expect, it } from "vitest";
import { chooseLocale, directionOf, fillTemplate, uiLocales } from "./locales";

describe("chooseLocale", () => {
  it.each([
    [{}, "en"],
    [{ acceptLanguage: "de-DE,de;q=0.9,en;q=0.8" }, "de"],
    [{ acceptLanguage: "ar-EG" }, "ar"],
    [{ acceptLanguage: "zh-CN,zh;q=0.9" }, "zh"],
    [{ acceptLanguage: "zh-Hant-TW" }, "zh"],
    [{ acceptLanguage: "ja, es;q=0.5" }, "es"],
    [{ acceptLanguage: "pt-BR" }, "en"],
    [{ chosen: "fr", acceptLanguage: "de" }, "fr"],
    [{ chosen: "AR" }, "ar"],
    [{ chosen: "zh-CN" }, "zh"],
    [{ chosen: "xx", acceptLanguage: "es" }, "es"],
    [{ chosen: "", acceptLanguage: "fr-CA" }, "fr"],
    [{ chosen: "../../etc", acceptLanguage: null }, "en"],
  ] as const)("%j → %s", (options, expected) => {
    expect(chooseLocale(options)).toBe(expected);
  });

  it("writes Arabic right to left and every other language left to right", () => {
    expect(uiLocales.filter((l) => directionOf(l) === "rtl")).toEqual(["ar"]);
  });
});

describe("fillTemplate", () => {
  it.each([
    ["Shipped to {market}", { market: "Germany" }, "Shipped to Germany"],
    ["{a} and {b}", { a: 1, b: "two" }, "1 and two"],
    ["Since {date}", {}, "Since {date}"],
  ] as const)("%s", (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });
});
