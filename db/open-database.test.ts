import { describe, expect, it } from "vitest";
import { chooseDriver } from "./open-database";

describe("chooseDriver", () => {
  it.each([
    [undefined, "auto", "pglite"],
    ["postgres://localhost/genuine", "auto", "postgres"],
    ["postgresql://user:pw@10.0.0.5:5432/genuine?sslmode=require", "auto", "postgres"],
    ["postgresql://u:p@ep-round-sun-123.eu-central-1.aws.neon.tech/neondb?sslmode=require", "auto", "neon"],
    ["postgresql://u:p@ep-x-pooler.us-east-2.aws.neon.tech/db", "auto", "neon"],
    ["postgresql://u:p@neon.tech.evil.example/db", "auto", "postgres"],
    ["postgres://127.0.0.1:5432/db", "neon", "neon"],
    [undefined, "pglite", "pglite"],
  ] as const)("%s (driver %s) → %s", (url, override, kind) => {
    expect(chooseDriver(url, override)).toBe(kind);
  });

  it("needs a URL for a server driver", () => {
    expect(() => chooseDriver(undefined, "postgres")).toThrow(/needs DATABASE_URL/);
  });
});
