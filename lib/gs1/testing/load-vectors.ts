// Test-only helper: reads GS1's reference vectors from ../shared/gs1 and fails loudly when they are missing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface VectorFile<T> {
  readonly source: string;
  readonly notes: string;
  readonly cases: readonly T[];
}

export function vectorPath(name: string): string {
  return path.resolve(process.cwd(), "../shared/gs1", name);
}

export function loadVectors<T>(name: string): VectorFile<T> {
  const file = vectorPath(name);
  if (!existsSync(file)) {
    throw new Error(`GS1 reference vectors not found at ${file}. Lay the shared folder beside the clone (../shared).`);
  }
  const parsed = JSON.parse(readFileSync(file, "utf8")) as VectorFile<T>;
  if (!Array.isArray(parsed.cases) || parsed.cases.length === 0) throw new Error(`No cases in ${file}`);
  return parsed;
}
