// Test-only access to GS1's resolver material in ../shared/gs1 (linkset schema, the suite's model linkset, the
// link-type list). Never shipped: the app does not read ../shared. Fails loudly when the folder is missing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { Ajv, type ErrorObject } from "ajv";

export const SHARED_GS1_DIR = path.resolve(process.cwd(), "../shared/gs1");

export function readSharedJson<T>(relative: string): T {
  const file = path.join(SHARED_GS1_DIR, relative);
  if (!existsSync(file)) throw new Error(`GS1 resolver test data missing: expected ${file}. Lay the shared folder beside the clone (../shared).`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

// The schema uses non-standard keywords ("name", "@id"): strict mode off, as GS1's own test suite does.
const ajv = new Ajv({ allErrors: true, strict: false });
const validateGs1Linkset = ajv.compile(readSharedJson<object>("linkset/gs1-linkset-schema.json"));

/** Errors of a linkset against GS1's linkset schema (linkset/gs1-linkset-schema.json); empty when valid. */
export function gs1LinksetSchemaErrors(document: unknown): ErrorObject[] {
  return validateGs1Linkset(document) ? [] : [...(validateGs1Linkset.errors ?? [])];
}
