// Test-only stand-in for the Upstash Redis REST API over a real redis-server, so the Upstash rate limiter
// runs its real Lua scripts in tests. Speaks what @upstash/redis uses: POST / (one command as a JSON
// array), /pipeline and /multi-exec (arrays of commands), Bearer auth, and base64 results on request.
// Loopback only.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Redis as RedisClient } from "ioredis";

export interface UpstashShim {
  /** Value for UPSTASH_REDIS_REST_URL. */
  url: string;
  /** Value for UPSTASH_REDIS_REST_TOKEN. */
  token: string;
  close(): Promise<void>;
}

type Reply = { result: unknown } | { error: string };

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

// @upstash/ratelimit's scripts declare `#!lua flags=allow-key-locking`, a flag redis-server 7.0 rejects.
function patchScript(script: string): string {
  return script.startsWith("#!lua") ? script.slice(script.indexOf("\n") + 1) : script;
}

export async function startUpstashShim(redisUrl: string, token = randomBytes(16).toString("hex")): Promise<UpstashShim> {
  const redis = new RedisClient(redisUrl, { maxRetriesPerRequest: 1 });
  // Clients address scripts by the SHA1 of the text they sent; Redis knows them by the patched text's.
  const patchedSha = new Map<string, string>();

  function remember(original: string): string {
    const patched = patchScript(original);
    if (patched !== original) patchedSha.set(sha1(original), sha1(patched));
    return patched;
  }

  function rewrite(command: unknown[]): { args: string[]; map: (result: unknown) => unknown } {
    const args = command.map((part) => (typeof part === "string" ? part : JSON.stringify(part)));
    const name = (args[0] ?? "").toLowerCase();
    const identity = (result: unknown) => result;
    if ((name === "eval" || name === "eval_ro") && args[1] !== undefined) {
      args[1] = remember(args[1]);
    } else if ((name === "evalsha" || name === "evalsha_ro") && args[1] !== undefined) {
      args[1] = patchedSha.get(args[1].toLowerCase()) ?? args[1];
    } else if (name === "script" && args[1]?.toLowerCase() === "load" && args[2] !== undefined) {
      const original = args[2];
      args[2] = remember(original);
      return { args, map: () => sha1(original) };
    }
    return { args, map: identity };
  }

  async function run(command: unknown[]): Promise<Reply> {
    const { args, map } = rewrite(command);
    const [name, ...rest] = args;
    if (!name) return { error: "ERR empty command" };
    try {
      return { result: map(await redis.call(name, ...rest)) };
    } catch (error) {
      return { error: message(error) };
    }
  }

  async function runBatch(commands: unknown[][], transaction: boolean): Promise<Reply[]> {
    const rewritten = commands.map(rewrite);
    // Through `call`, so any command name works (ioredis otherwise wants its lower-case method names).
    const batch = rewritten.map(({ args }) => ["call", ...args]);
    const replies = await (transaction ? redis.multi(batch) : redis.pipeline(batch)).exec();
    if (!replies) throw new Error("EXECABORT Transaction discarded");
    return replies.map(([error, result], i): Reply =>
      error ? { error: message(error) } : { result: rewritten[i]?.map(result) ?? result },
    );
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      };
      if (request.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized" });
      const base64 = request.headers["upstash-encoding"] === "base64";
      const encode = (reply: Reply): Reply => ("result" in reply && base64 ? { result: toBase64(reply.result) } : reply);

      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return send(400, { error: "ERR the request body is not JSON" });
        }
        const path = new URL(request.url ?? "/", "http://shim").pathname;
        if (path === "/" && isCommand(body)) {
          const reply = await run(body);
          return "error" in reply ? send(400, reply) : send(200, encode(reply));
        }
        if ((path === "/pipeline" || path === "/multi-exec") && Array.isArray(body) && body.every(isCommand)) {
          try {
            return send(200, (await runBatch(body, path === "/multi-exec")).map(encode));
          } catch (error) {
            return send(400, { error: message(error) });
          }
        }
        return send(400, { error: `ERR unsupported request to ${path}` });
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      redis.disconnect();
    },
  };
}

function isCommand(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && typeof value[0] === "string";
}

// Upstash encodes string results (also inside arrays) and leaves integers and nulls as they are.
function toBase64(value: unknown): unknown {
  if (typeof value === "string") return Buffer.from(value, "utf8").toString("base64");
  if (Array.isArray(value)) return value.map(toBase64);
  return value;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
