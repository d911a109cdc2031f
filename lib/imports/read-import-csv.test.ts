import { describe, expect, it } from "vitest";
import { readHeaderFields, readImportCsv, type CsvItem } from "./read-import-csv";

const read = async (text: string) => {
  const items: CsvItem[] = [];
  for await (const item of readImportCsv(text)) items.push(item);
  return items;
};

describe("reading an import file", () => {
  it("handles BOM, CRLF, semicolons, quoted fields and blank lines, numbering rows by their line", async () => {
    const text = '\uFEFFgtin;serial;status\r\n1;"a;b";sold\r\n\r\n;;\r\n2;"x ""y""";shipped\r\n3;c;sold';
    expect(await read(text)).toEqual([
      { kind: "record", line: 1, fields: ["gtin", "serial", "status"] },
      { kind: "record", line: 2, fields: ["1", "a;b", "sold"] },
      { kind: "record", line: 5, fields: ["2", 'x "y"', "shipped"] },
      { kind: "record", line: 6, fields: ["3", "c", "sold"] },
    ]);
  });

  it("numbers a record by the line it starts on when a quoted field spans lines", async () => {
    const items = await read('gtin,serial,status\n1,"two\nlines",sold\n2,b,sold\n');
    expect(items.map((i) => i.line)).toEqual([1, 2, 4]);
  });

  it("reports an unclosed quote as an error on the line it starts", async () => {
    const items = await read('gtin,serial,status\n1,a,sold\n2,"b,sold\n3,c,sold\n');
    expect(items[2]).toMatchObject({ kind: "error", line: 3 });
    expect(items).toHaveLength(3);
  });

  it("reads a large file in slices without losing or splitting records", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `09529999000019,SÉR${i},sold`);
    const items = await read(["gtin,serial,status", ...rows].join("\n"));
    expect(items).toHaveLength(20_001);
    expect(items.at(-1)).toEqual({ kind: "record", line: 20_001, fields: ["09529999000019", "SÉR19999", "sold"] });
  });

  it("reads the header row alone", () => {
    expect(readHeaderFields("\uFEFFgtin;serial;\"status\"\r\n1;2;3")).toEqual(["gtin", "serial", "status"]);
    expect(readHeaderFields("")).toBeNull();
    expect(readHeaderFields("\n\n")).toBeNull();
  });
});
