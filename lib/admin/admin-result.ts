// What an admin command hands back instead of writing to the terminal, so tests read it directly.
import type { Database } from "@/db/database";

export interface AdminResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface AdminContext {
  db: Database;
  /** AUTH_SECRET, which encrypts the signing keys; asked for only by api-key and signing-key commands. */
  secret: () => string;
  /** All of standard input; read only for --password-stdin, so other commands never wait on a terminal. */
  readStdin: () => Promise<string>;
  now: () => Date;
}

/** Every mutation's audit entry says where it came from: no person is signed in to a terminal. */
export const auditVia = { via: "admin-cli" } as const;

const text = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join("");

/** Success: `stdout` is the result (what a script would capture), `stderr` commentary for a person. */
export function done(stdout: readonly string[], stderr: readonly string[] = []): AdminResult {
  return { exitCode: 0, stdout: text(stdout), stderr: text(stderr) };
}

export function refused(message: string, exitCode: 1 | 2 = 1): AdminResult {
  return { exitCode, stdout: "", stderr: text([message]) };
}

/** Columns padded to their widest cell; the last column is left ragged. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}

/** PostgreSQL's unique_violation, wherever the driver put it (drizzle wraps driver errors in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
