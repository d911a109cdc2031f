import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "./secrets";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "genuine-secrets-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadOrCreateSecrets", () => {
  it("generates a secret once, says so, keeps it private, and reuses it", async () => {
    const lines: string[] = [];
    const dataDir = path.join(dir, "nested", "data");
    const first = await loadOrCreateSecrets({ authSecret: undefined, dataDir, log: (l) => lines.push(l) });
    expect(first.source).toBe("generated");
    expect(first.authSecret).toMatch(/^[\w-]{43}$/);
    expect(lines).toEqual([expect.stringContaining("generated AUTH_SECRET")]);
    expect((await stat(path.join(dataDir, "secrets.json"))).mode & 0o777).toBe(0o600);
    const second = await loadOrCreateSecrets({ authSecret: undefined, dataDir, log: (l) => lines.push(l) });
    expect(second).toEqual({ authSecret: first.authSecret, source: "data-folder" });
    expect(lines).toHaveLength(1);
  });

  it("prefers the environment", async () => {
    const secret = "x".repeat(40);
    expect(await loadOrCreateSecrets({ authSecret: secret, dataDir: dir })).toEqual({ authSecret: secret, source: "environment" });
    await expect(readFile(path.join(dir, "secrets.json"))).rejects.toThrow();
  });

  it("refuses a corrupt secrets file instead of silently replacing it", async () => {
    await writeFile(path.join(dir, "secrets.json"), "{not json");
    await expect(loadOrCreateSecrets({ authSecret: undefined, dataDir: dir })).rejects.toThrow(/corrupt/);
  });
});
