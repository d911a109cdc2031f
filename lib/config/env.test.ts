import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with no environment at all: embedded database, ./.data, migrations and demo on", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      DATABASE_DRIVER: "auto",
      DATA_DIR: ".data",
      MIGRATE_ON_START: true,
      SEED_DEMO: "auto",
      DATABASE_POOL_MAX: 10,
    });
  });

  it.each([
    [{ DATABASE_URL: "postgres://u:p@db:5432/genuine" }, "DATABASE_URL", "postgres://u:p@db:5432/genuine"],
    [{ DATABASE_URL: "postgresql://u@db/genuine" }, "DATABASE_URL", "postgresql://u@db/genuine"],
    [{ DATABASE_URL: "" }, "DATABASE_URL", undefined],
    [{ MIGRATE_ON_START: "false" }, "MIGRATE_ON_START", false],
    [{ MIGRATE_ON_START: "1" }, "MIGRATE_ON_START", true],
    [{ DATABASE_POOL_MAX: "25" }, "DATABASE_POOL_MAX", 25],
    [{ PUBLIC_BASE_URL: "https://id.brand.example/" }, "PUBLIC_BASE_URL", "https://id.brand.example"],
  ] as const)("%j → %s = %j", (source, key, value) => {
    expect(parseEnv(source)[key]).toEqual(value);
  });

  it.each([
    [{ DATABASE_URL: "mysql://db/genuine" }, /DATABASE_URL: must start with postgres:\/\//],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET: must be at least 32 characters/],
    [{ DATABASE_DRIVER: "sqlite" }, /DATABASE_DRIVER/],
    [{ MIGRATE_ON_START: "maybe" }, /MIGRATE_ON_START/],
    [{ PUBLIC_BASE_URL: "ftp://x.example" }, /PUBLIC_BASE_URL/],
  ])("refuses %j with a clear message", (source, message) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
