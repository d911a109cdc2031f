import { describe, expect, it } from "vitest";
import { checkPhoto, detectPhotoType, MAX_PHOTO_BYTES, reportFieldsSchema, textFields } from "./report-input";

const valid = { gtin: "09506000134352", serial: "GN7K2P9M4X", lot: "CX24A17", problem: "The seal was broken", place: "Market stall, Lyon" };

describe("report fields", () => {
  it("accepts a complete report and normalises the optional fields", () => {
    const parsed = reportFieldsSchema.parse({ ...valid, ref: "", email: " ", lang: "ar" });
    expect(parsed).toMatchObject({ gtin: "09506000134352", serial: "GN7K2P9M4X", ref: null, email: null, lang: "ar" });
  });

  it("lower-cases the e-mail and keeps a scan ref", () => {
    const parsed = reportFieldsSchema.parse({ ...valid, email: "Ana@Example.ORG", ref: "6f1c2f5e-1c33-4c1b-9f55-0e4a3f1e2d7a" });
    expect(parsed.email).toBe("ana@example.org");
    expect(parsed.ref).toBe("6f1c2f5e-1c33-4c1b-9f55-0e4a3f1e2d7a");
  });

  it.each([
    ["a wrong check digit", { gtin: "09506000134353" }],
    ["no problem described", { problem: "  " }],
    ["a problem too long", { problem: "x".repeat(2001) }],
    ["no place", { place: "" }],
    ["a place too long", { place: "x".repeat(201) }],
    ["a malformed e-mail", { email: "not-an-address" }],
    ["a serial longer than GS1 allows", { serial: "X".repeat(21) }],
    ["a ref that is no UUID", { ref: "1; drop table scans" }],
    ["the honeypot filled in", { website: "http://spam.example" }],
  ])("refuses %s", (_, change) => {
    expect(reportFieldsSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it("ignores a language it does not speak", () => {
    expect(reportFieldsSchema.parse({ ...valid, lang: "xx" }).lang).toBeNull();
  });

  it("reads only text fields from a form", () => {
    const form = new FormData();
    form.set("problem", "Fake");
    form.set("place", new Blob(["x"]), "x.txt");
    expect(textFields(form, ["problem", "place", "email"])).toEqual({ problem: "Fake" });
  });
});

const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe("photo type from magic bytes", () => {
  it.each([
    ["JPEG", bytes(0xff, 0xd8, 0xff, 0xe0), "image/jpeg"],
    ["PNG", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image/png"],
    ["WebP", bytes(...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WEBP")), "image/webp"],
    ["GIF", bytes(...ascii("GIF89a")), null],
    ["a WAV (RIFF but not WebP)", bytes(...ascii("RIFF"), 1, 2, 3, 4, ...ascii("WAVE")), null],
    ["HTML named .jpg", new TextEncoder().encode("<html><script>alert(1)</script>"), null],
    ["an empty file", new Uint8Array(), null],
  ])("%s → %s", (_, head, mediaType) => {
    expect(detectPhotoType(head)?.mediaType ?? null).toBe(mediaType);
  });

  it("refuses a photo over 5 MB before looking at it, and a non-image", () => {
    expect(checkPhoto(MAX_PHOTO_BYTES + 1, bytes(0xff, 0xd8, 0xff))).toEqual({ ok: false, error: "photo_too_large" });
    expect(checkPhoto(MAX_PHOTO_BYTES, bytes(0xff, 0xd8, 0xff))).toMatchObject({ ok: true, type: { extension: "jpg" } });
    expect(checkPhoto(10, bytes(0x00))).toEqual({ ok: false, error: "photo_type" });
  });
});
