// Checks beyond structure: every object identifier must be a GS1 key lib/gs1 accepts (EPC URN or Digital
// Link). CBV vocabulary and time formats are already enforced by the structural pass.
import type { CheckContext } from "./check-context";
import { listIdentifierFields, parseObjectIdentifier, type IdentifierParser } from "./identifiers";
import type { JsonRecord } from "./types";

export function checkEventSemantics(event: JsonRecord, pointer: string, ctx: CheckContext, parse: IdentifierParser = parseObjectIdentifier): void {
  for (const field of listIdentifierFields(event)) {
    if (typeof field.raw !== "string") continue; // the structural pass has reported it
    const parsed = parse(field.raw);
    if (!parsed.ok) ctx.report(pointer + field.pointer, `"${field.raw}": ${parsed.message}`);
  }
}
