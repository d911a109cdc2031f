// AUTH_SECRET for Auth.js, wherever it runs (route handlers, server components, the proxy):
// the environment, else the secret start-up generated into the data folder.
import { readFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (cached) return cached;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATA_DIR || ".data");
  try {
    const stored = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { authSecret?: string };
    if (stored.authSecret) cached = stored.authSecret;
  } catch {
    // Not generated yet: start-up creates it before the server takes requests.
  }
  if (!cached) throw new Error("AUTH_SECRET is not available: set it, or let the server start once to generate it.");
  return cached;
}
