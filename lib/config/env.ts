// Every environment variable genuine reads, validated once at start-up. Nothing else reads process.env.
import { z } from "zod";

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
  SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
});

export type Env = z.infer<typeof envSchema>;

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
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
