// Every environment variable genuine reads, validated once at start-up. Nothing else reads process.env.
import { z } from "zod";
import { parseEdgeConfig } from "@/lib/scans/edge-location";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), {
    message: "must start with postgres:// or postgresql:// (leave it unset for the embedded database)",
  });

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_DRIVER: z.enum(["auto", "pglite", "postgres", "neon"]).default("auto"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  NEON_WS_PROXY: z.string().trim().min(1).optional(),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
  PUBLIC_BASE_URL: z
    .url()
    .refine((v) => /^https?:\/\//.test(v), { message: "must be an http(s) URL" })
    .transform((v) => v.replace(/\/+$/, ""))
    .optional(),
  MIGRATE_ON_START: booleanFlag.default(true),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), { message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("genuine <no-reply@localhost>"),
  WEBHOOK_ALLOW_INSECURE: booleanFlag.default(false),
  UPSTASH_REDIS_REST_URL: z.url().optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
  /** Key of the scans' source and device hashes; unset: derived from AUTH_SECRET. Rotate with SCAN_HASH_KEY_ID. */
  SCAN_HASH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SCAN_HASH_KEY_ID: z.string().regex(/^[a-z0-9]{1,8}$/, "1–8 lower-case letters or digits").default("k1"),
  /** Which edge network's location headers to trust: "vercel,cloudflare", "none", or a custom mapping. */
  SCAN_LOCATION_HEADERS: z
    .string()
    .default("vercel,cloudflare")
    .superRefine((value, ctx) => {
      try {
        parseEdgeConfig(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

export type Env = z.infer<typeof envSchema>;

/** SSO is on when all three OIDC variables are set; a partial set is a configuration mistake. */
function checkOidc(env: Env): string[] {
  const set = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
  return set === 0 || set === 3 ? [] : ["OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: set all three or none"];
}

export class EnvError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid environment configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}\nSee .env.example.`);
    this.name = "EnvError";
  }
}

/** Parse an environment (empty strings count as unset, as in most .env files). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const problems = checkOidc(result.data);
  if (problems.length) throw new EnvError(problems);
  return result.data;
}

export function oidcConfigured(env: Env): env is Env & { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string } {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
