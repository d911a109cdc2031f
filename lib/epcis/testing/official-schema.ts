// Test-only access to GS1's official EPCIS 2.0 JSON schema, read from ../shared (never shipped: see
// ../shared/epcis/NOTICE.md). Fails loudly when the shared folder is missing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";

export const SHARED_EPCIS_DIR = path.resolve(process.cwd(), "../shared/epcis");
export const EXAMPLES_DIR = path.join(SHARED_EPCIS_DIR, "JSON");
const SCHEMA_FILE = path.join(SHARED_EPCIS_DIR, "EPCIS-JSON-Schema.json");

if (!existsSync(SCHEMA_FILE) || !existsSync(EXAMPLES_DIR)) {
  throw new Error(`EPCIS test data missing: expected ${SCHEMA_FILE} and ${EXAMPLES_DIR} (see ../shared/epcis/NOTICE.md)`);
}

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as object);

export function officialSchemaErrors(json: unknown): ErrorObject[] {
  return validate(json) ? [] : [...(validate.errors ?? [])];
}

/** The JSON pointers an ajv error names: where it was found, plus the missing or unexpected property. */
export function officialErrorPointers(errors: readonly ErrorObject[]): Set<string> {
  const pointers = new Set<string>();
  for (const error of errors) {
    pointers.add(error.instancePath);
    const params = error.params as { missingProperty?: string; propertyName?: string };
    const name = params.missingProperty ?? params.propertyName;
    if (name !== undefined) pointers.add(`${error.instancePath}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  }
  return pointers;
}
