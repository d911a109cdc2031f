// npm run -s admin -- <command> — bootstrap and operate an instance from a terminal. See lib/admin/README.md.
// Only terminal plumbing lives here (environment, database, stdin, exit status); the commands are in lib/admin.
import { DataFolderInUseError } from "@/db/drivers/folder-lock";
import { chooseDriver } from "@/db/open-database";
import { commandNeedsDatabase, commandNeedsSecret, helpResult, parseFailureResult, runAdminCommand, type AdminResult } from "@/lib/admin/run-admin-command";
import { parseAdminArgs, type AdminCommand } from "@/lib/admin/parse-admin-args";
import { authSecret } from "@/lib/config/auth-secret";
import { getEnv, type Env } from "@/lib/config/env";
import { loadOrCreateSecrets } from "@/lib/config/secrets";
import { dataDirectory, openConfiguredDatabase } from "@/lib/runtime/app-database";

const toStderr = (line: string) => process.stderr.write(`${line}\n`);

/** Up to the first line end (or the end of input), so a person typing at a terminal is not left waiting for Ctrl-D. */
async function readFirstLineOfStdin(): Promise<string> {
  if (process.stdin.isTTY) toStderr("Password (one line; it is echoed):");
  // Decode as a stream, so a character split across two chunks is not mangled.
  process.stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk as string;
    if (text.includes("\n")) break;
  }
  process.stdin.pause();
  return text;
}

/** As the server's start-up does: AUTH_SECRET from the environment, else the data folder's (generated on first use). */
async function ensureSecret(env: Env): Promise<void> {
  if (chooseDriver(env.DATABASE_URL, env.DATABASE_DRIVER) === "neon" && !env.AUTH_SECRET) {
    // A generated secret would live only on this machine, and the deployment could not open the keys it encrypts.
    throw new Error("Set AUTH_SECRET (the deployment's value) to run this command against Neon.");
  }
  // The log goes to stderr: stdout of `api-key create` must carry the token alone.
  const secrets = await loadOrCreateSecrets({ authSecret: env.AUTH_SECRET, dataDir: dataDirectory(env), log: toStderr });
  process.env.AUTH_SECRET = secrets.authSecret;
}

async function execute(command: AdminCommand): Promise<AdminResult> {
  if (!commandNeedsDatabase(command)) return helpResult();
  const env = getEnv();
  if (commandNeedsSecret(command)) await ensureSecret(env);
  let handle;
  try {
    handle = await openConfiguredDatabase(env);
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      return { exitCode: 1, stdout: "", stderr: `${error.message}\nOr run the tool against PostgreSQL by setting DATABASE_URL.\n` };
    }
    throw error;
  }
  try {
    await handle.migrate();
    return await runAdminCommand(command, {
      db: handle.db,
      secret: authSecret,
      readStdin: readFirstLineOfStdin,
      now: () => new Date(),
    });
  } finally {
    await handle.close();
  }
}

async function main(): Promise<number> {
  const parsed = parseAdminArgs(process.argv.slice(2));
  const result = parsed.ok ? await execute(parsed.command) : parseFailureResult(parsed);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    toStderr(`genuine admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
