import { describe, expect, it } from "vitest";
import { deviceCookie, newDeviceId, readDeviceId } from "./device-id";
import { scanHasher } from "./scan-hashes";

describe("device id", () => {
  it("round-trips through the cookie", () => {
    const id = newDeviceId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(readDeviceId(`a=1; ${deviceCookie(id, true).split(";")[0]}; b=2`)).toBe(id);
    expect(deviceCookie(id, true)).toContain("HttpOnly; SameSite=Lax; Secure");
    expect(deviceCookie(id, false)).not.toContain("Secure");
  });

  it.each([null, "", "genuine_device=short", "genuine_device=<script>alert(1)</script>xxxxx", "other=AAAAAAAAAAAAAAAAAAAAAA"])("ignores %s", (header) => {
    expect(readDeviceId(header)).toBeNull();
  });

  it("never ids two devices alike", () => {
    expect(new Set(Array.from({ length: 1000 }, newDeviceId)).size).toBe(1000);
  });
});

describe("scanHasher", () => {
  const a = scanHasher("s".repeat(32), "k1");
  const b = scanHasher("t".repeat(32), "k2");
  it("is keyed, stable and tagged with its key id", () => {
    expect(a.source("203.0.113.9")).toBe(a.source("203.0.113.9"));
    expect(a.source("203.0.113.9")).toMatch(/^k1\.[A-Za-z0-9_-]{22}$/);
    expect(b.source("203.0.113.9")).not.toBe(a.source("203.0.113.9"));
    expect(a.source("203.0.113.9")).not.toContain("203");
    expect(a.device("x")).not.toBe(a.source("x"));
  });
});
