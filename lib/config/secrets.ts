// Secrets the embedded default needs are generated on first start and kept in the data folder, so
// `npm run dev` works with no environment at all. Set them in the environment to manage them yourself.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const storedSecretsSchema = z.object({ authSecret: z.string().min(32) });

export interface Secrets {
  authSecret: string;
  /** Where the secret came from, for the start-up log line. */
  source: "environment" | "data-folder" | "generated";
}

export async function loadOrCreateSecrets(options: {
  authSecret: string | undefined;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<Secrets> {
  if (options.authSecret) return { authSecret: options.authSecret, source: "environment" };

  const file = path.join(options.dataDir, "secrets.json");
  try {
    const stored = storedSecretsSchema.parse(JSON.parse(await readFile(file, "utf8")));
    return { authSecret: stored.authSecret, source: "data-folder" };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`${file} is unreadable or corrupt; fix or delete it (sessions will be signed out): ${String(error)}`);
    }
  }

  const authSecret = randomBytes(32).toString("base64url");
  await mkdir(options.dataDir, { recursive: true });
  // "wx": if another process won the race, keep its secret rather than overwrite it.
  try {
    await writeFile(file, JSON.stringify({ authSecret }, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return loadOrCreateSecrets(options);
    }
    throw error;
  }
  (options.log ?? console.info)(
    `genuine: generated AUTH_SECRET and stored it in ${file} (set AUTH_SECRET in the environment to manage it yourself)`,
  );
  return { authSecret, source: "generated" };
}
