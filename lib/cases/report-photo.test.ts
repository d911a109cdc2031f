import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportPhotoFile, reportPhotoHeaders } from "./report-photo";

const DATA = "/srv/genuine/.data";
const NAME = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("reportPhotoFile", () => {
  it.each([
    ["a JPEG the form wrote", { key: `uploads/${NAME}.jpg`, mediaType: "image/jpeg" }, { file: path.join(DATA, "uploads", `${NAME}.jpg`), mediaType: "image/jpeg", extension: "jpg" }],
    ["a PNG", { key: `uploads/${NAME}.png`, mediaType: "image/png" }, { file: path.join(DATA, "uploads", `${NAME}.png`), mediaType: "image/png", extension: "png" }],
    ["a WebP", { key: `uploads/${NAME}.webp`, mediaType: "image/webp" }, { file: path.join(DATA, "uploads", `${NAME}.webp`), mediaType: "image/webp", extension: "webp" }],
    ["a path out of the folder", { key: `uploads/../../etc/passwd`, mediaType: "image/jpeg" }, null],
    ["an absolute path", { key: `/etc/passwd`, mediaType: "image/jpeg" }, null],
    ["another folder", { key: `secrets/${NAME}.jpg`, mediaType: "image/jpeg" }, null],
    ["an extension the form never writes", { key: `uploads/${NAME}.svg`, mediaType: "image/svg+xml" }, null],
    ["a media type that disagrees with the extension", { key: `uploads/${NAME}.jpg`, mediaType: "text/html" }, null],
    ["a name that is not a uuid", { key: `uploads/photo.jpg`, mediaType: "image/jpeg" }, null],
  ])("%s", (_label, photo, expected) => {
    expect(reportPhotoFile(DATA, photo)).toEqual(expected);
  });
});

describe("reportPhotoHeaders", () => {
  const headers = reportPhotoHeaders("image/png", 2048, "report-x-0.png");

  it.each([
    ["content-type", "image/png"],
    ["content-length", "2048"],
    ["x-content-type-options", "nosniff"],
    ["content-security-policy", "default-src 'none'; sandbox"],
    ["cache-control", "private, max-age=3600"],
    ["content-disposition", 'inline; filename="report-x-0.png"'],
  ])("%s: %s", (name, value) => {
    expect(headers[name]).toBe(value);
  });
});
