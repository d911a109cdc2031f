// The rate limiter against both backends with one case table: Upstash (through the REST shim over a real
// redis-server, running @upstash/ratelimit's own Lua scripts) and the in-process limiter.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis as RedisClient } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { AppError, problemResponse } from "@/lib/http/problem";
import { assertRateLimit } from "@/lib/rate-limit/assert-rate-limit";
import { createFailoverRateLimiter } from "@/lib/rate-limit/failover-limiter";
import { createInProcessRateLimiter } from "@/lib/rate-limit/in-process-limiter";
import { createConfiguredRateLimiter, type RateLimiter } from "@/lib/rate-limit/limiter";
import { rateLimitPolicies, type RateLimitPolicyTable } from "@/lib/rate-limit/policies";
import { createUpstashRateLimiter, RateLimiterUnavailableError } from "@/lib/rate-limit/upstash-limiter";
import { startRedisServer, type RedisServer } from "@/lib/rate-limit/testing/redis-server";
import { startUpstashShim, type UpstashShim } from "@/lib/rate-limit/testing/upstash-shim";

const HOUR = 3_600_000;
const SLIDE_MS = 400;
// Real policy names, test-sized: signIn never crosses a bucket boundary during a test; scan slides.
const policies: RateLimitPolicyTable = {
  ...rateLimitPolicies,
  signIn: { ...rateLimitPolicies.signIn, limit: 3, windowMs: HOUR },
  scan: { ...rateLimitPolicies.scan, limit: 2, windowMs: SLIDE_MS },
};

let redisServer: RedisServer;
let shim: UpstashShim;
let redis: RedisClient;

beforeAll(async () => {
  redisServer = await startRedisServer();
  shim = await startUpstashShim(redisServer.url);
  redis = new RedisClient(redisServer.url);
});

afterAll(async () => {
  redis?.disconnect();
  await shim?.close();
  await redisServer?.stop();
});

const backends: Array<[name: string, create: () => RateLimiter]> = [
  ["Upstash (REST shim over redis-server)", () => createUpstashRateLimiter({ url: shim.url, token: shim.token, policies })],
  ["in-process", () => createInProcessRateLimiter({ policies })],
];

const id = () => `${randomUUID()}@example.com|203.0.113.7`;

describe.each(backends)("rate limiter: %s", (_name, create) => {
  it("allows requests within the limit with decreasing remaining, then refuses", async () => {
    const limiter = create();
    const who = id();
    const before = Date.now();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await limiter.limit("signIn", who));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
      [false, 0],
    ]);
    for (const result of results) {
      expect(result.limit).toBe(3);
      expect(result.reset).toBeGreaterThan(before);
      expect(result.reset).toBeLessThanOrEqual(Date.now() + HOUR);
    }
  });

  it("keeps identifiers and policies independent", async () => {
    const limiter = create();
    const [a, b] = [id(), id()];
    for (let i = 0; i < 3; i++) await limiter.limit("signIn", a);
    expect((await limiter.limit("signIn", a)).success).toBe(false);
    expect(await limiter.limit("signIn", b)).toMatchObject({ success: true, remaining: 2 });
    expect(await limiter.limit("signInSource", a)).toMatchObject({ success: true, remaining: rateLimitPolicies.signInSource.limit - 1 });
  });

  it("lets requests through again as the window slides", async () => {
    const limiter = create();
    const who = id();
    // Start just after a bucket boundary so the first requests share one bucket.
    await sleep(SLIDE_MS - (Date.now() % SLIDE_MS) + 5);
    expect((await limiter.limit("scan", who)).success).toBe(true);
    expect((await limiter.limit("scan", who)).success).toBe(true);
    const refused = await limiter.limit("scan", who);
    expect(refused.success).toBe(false);
    // Just past the reset the previous bucket still weighs floor(2 * ~0.95) = 1: one more fits.
    await sleep(refused.reset - Date.now() + 20);
    expect((await limiter.limit("scan", who)).success).toBe(true);
    expect((await limiter.limit("scan", who)).success).toBe(false);
  });

  it("assertRateLimit answers 429 with Retry-After and X-RateLimit-* once the budget is spent", async () => {
    const limiter = create();
    const who = id();
    const allowed = await assertRateLimit("signIn", who, limiter);
    expect(allowed).toMatchObject({ success: true, remaining: 2 });
    await assertRateLimit("signIn", who, limiter);
    await assertRateLimit("signIn", who, limiter);
    const error = await assertRateLimit("signIn", who, limiter).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const response = problemResponse(error);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(HOUR / 1000);
    expect(response.headers.get("X-RateLimit-Limit")).toBe("3");
    expect(response.headers.get("X-RateLimit-Remaining")).toBe("0");
    expect(response.headers.get("X-RateLimit-Reset")).toBe(String(Math.ceil(allowed.reset / 1000)));
    expect(await response.json()).toMatchObject({ status: 429, title: "Too many requests" });
  });
});

describe("Upstash limiter specifics", () => {
  it("is chosen from the environment, keys under genuine:rl:<policy>, and never stores the raw identifier", async () => {
    const limiter = createConfiguredRateLimiter(
      parseEnv({ UPSTASH_REDIS_REST_URL: shim.url, UPSTASH_REDIS_REST_TOKEN: shim.token }),
    );
    const who = `alice-${randomUUID()}@example.com|198.51.100.1`;
    expect(await limiter.limit("consumerReport", who)).toMatchObject({ success: true, limit: 10, remaining: 9 });
    const keys = await redis.keys("genuine:rl:consumerReport:*");
    expect(keys).toHaveLength(1);
    expect(keys.join()).not.toContain("alice");
  });

  it("runs the scripts through EVALSHA once Redis knows them (the shim maps the patched SHA1)", async () => {
    const limiter = createUpstashRateLimiter({ url: shim.url, token: shim.token, policies });
    for (let i = 0; i < 3; i++) await limiter.limit("verify", id());
    const stats = await redis.info("commandstats");
    const evalsha = /cmdstat_evalsha:calls=(\d+),.*failed_calls=(\d+)/.exec(stats);
    expect(Number(evalsha?.[1]) - Number(evalsha?.[2])).toBeGreaterThanOrEqual(2);
  });

  it("falls over to per-instance limits, with a warning, when Redis is unreachable", async () => {
    const closed = await closedPort();
    const warnings: string[] = [];
    const limiter = createFailoverRateLimiter(
      createUpstashRateLimiter({ url: `http://127.0.0.1:${closed}`, token: "t", policies }),
      createInProcessRateLimiter({ policies }),
      { warn: (m) => warnings.push(m) },
    );
    const who = id();
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.limit("signIn", who)).success);
    expect(results).toEqual([true, true, true, false]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("per-instance");
  });

  it("treats a Redis that does not answer in time as unavailable, not as a pass", async () => {
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const limiter = createUpstashRateLimiter({ url: `http://127.0.0.1:${port}`, token: "t", policies, timeoutMs: 150 });
      await expect(limiter.limit("signIn", id())).rejects.toBeInstanceOf(RateLimiterUnavailableError);
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("Upstash REST shim protocol", () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${shim.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${shim.token}`, "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("refuses requests without the right Bearer token", async () => {
    const none = await fetch(shim.url, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(none.status).toBe(401);
    expect(await none.json()).toHaveProperty("error");
    expect((await post("/", ["PING"], { authorization: "Bearer wrong" })).status).toBe(401);
  });

  it("runs one command, and answers errors with 400", async () => {
    expect(await (await post("/", ["SET", "shim:k", "v"])).json()).toEqual({ result: "OK" });
    expect(await (await post("/", ["GET", "shim:k"])).json()).toEqual({ result: "v" });
    const failed = await post("/", ["NO-SUCH-COMMAND"]);
    expect(failed.status).toBe(400);
    expect(await failed.json()).toEqual({ error: expect.stringContaining("unknown command") });
  });

  it("runs a pipeline and a transaction, with per-command errors", async () => {
    const pipeline = await post("/pipeline", [["SET", "shim:p", "1"], ["INCR", "shim:p"], ["HGET", "shim:p", "f"]]);
    expect(await pipeline.json()).toEqual([{ result: "OK" }, { result: 2 }, { error: expect.stringContaining("WRONGTYPE") }]);
    const multi = await post("/multi-exec", [["SET", "shim:m", "5"], ["INCRBY", "shim:m", 2], ["GET", "shim:m"]]);
    expect(await multi.json()).toEqual([{ result: "OK" }, { result: 7 }, { result: "7" }]);
  });

  it("base64-encodes strings (also nested) but not integers when asked", async () => {
    const base64 = { "Upstash-Encoding": "base64" };
    await post("/", ["RPUSH", "shim:l", "grüße", "✓"]);
    expect(await (await post("/", ["LRANGE", "shim:l", 0, -1], base64)).json()).toEqual({
      result: [Buffer.from("grüße").toString("base64"), Buffer.from("✓").toString("base64")],
    });
    expect(await (await post("/", ["LLEN", "shim:l"], base64)).json()).toEqual({ result: 2 });
    expect(await (await post("/pipeline", [["LLEN", "shim:l"], ["LINDEX", "shim:l", 1]], base64)).json()).toEqual([
      { result: 2 },
      { result: Buffer.from("✓").toString("base64") },
    ]);
    // And the real client decodes what the shim sends.
    const client = new UpstashRedis({ url: shim.url, token: shim.token, enableTelemetry: false });
    await client.set("shim:u", "grüße ✓");
    expect(await client.get("shim:u")).toBe("grüße ✓");
  });

  it("accepts @upstash/ratelimit's scripts: SCRIPT LOAD answers the original SHA1, which EVALSHA then runs", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn {KEYS[1], tonumber(ARGV[1]) + 1}";
    const loaded = (await (await post("/", ["SCRIPT", "LOAD", script])).json()) as { result: string };
    expect(loaded.result).toBe(createHash("sha1").update(script).digest("hex"));
    expect(await (await post("/", ["EVALSHA", loaded.result, 1, "k", 41])).json()).toEqual({ result: ["k", 42] });
  });
});

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
