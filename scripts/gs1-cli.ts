// Command-line tool over lib/gs1. See lib/gs1/README.md.
//   gs1 parse <input>            one JSON object; exit 0 if valid, 1 if not
//   gs1 parse -                  one input per stdin line, one JSON object per line; exit 1 if any invalid
//   gs1 generate "<element string>" [--stem <url>]
//   gs1 epc <EPC URN | element string> [--gcp-length <n>]
import path from "node:path";

import {
  elementsToEpcUrn,
  generateElementStrings,
  parseBarcodeData,
  parseElementString,
  type Gs1Error,
  type Gs1Options,
} from "../lib/gs1";

export interface CliResult {
  readonly exitCode: number;
  readonly lines: readonly string[];
}

const USAGE = [
  "Usage:",
  "  gs1 parse <input> [options]       Digital Link URI, (01)... element string, ]d2/]Q3/... scan data, EPC URN or GTIN",
  "  gs1 parse - [options]             read one input per line from stdin",
  '  gs1 generate "<element string>" [--stem <url>]',
  "  gs1 epc <EPC URN | element string> [--gcp-length <n>]",
  "Options:",
  "  --permit-unknown-ais  --permit-zero-suppressed-gtin  --permit-convenience-alphas  --no-requisites",
].join("\n");

function errorJson(error: Gs1Error): string {
  return JSON.stringify({ valid: false, error: { code: error.code, message: error.message, ai: error.ai ?? null, offset: error.offset ?? null } });
}

function parseLine(input: string, options: Gs1Options): { valid: boolean; line: string } {
  const result = parseBarcodeData(input, options);
  if (!result.ok) return { valid: false, line: errorJson(result.error) };
  const data = result.value;
  return {
    valid: true,
    line: JSON.stringify({
      valid: true,
      elementString: data.elementString,
      canonicalUri: data.canonicalUri,
      primaryKey: data.primaryKey,
      qualifiers: data.qualifiers,
      attributes: data.attributes,
      otherParams: data.otherParams,
    }),
  };
}

interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(["--stem", "--gcp-length"]);

function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      if (eq > 0) flags.set(arg.slice(0, eq), arg.slice(eq + 1));
      else if (VALUE_FLAGS.has(arg)) flags.set(arg, argv[++i] ?? "");
      else flags.set(arg, true);
    } else positional.push(arg);
  }
  return { positional, flags };
}

function optionsFrom(flags: ParsedArgs["flags"]): Gs1Options {
  return {
    permitUnknownAIs: flags.has("--permit-unknown-ais"),
    permitZeroSuppressedGTINinDLuris: flags.has("--permit-zero-suppressed-gtin"),
    permitConvenienceAlphas: flags.has("--permit-convenience-alphas"),
    validateRequisiteAIs: !flags.has("--no-requisites"),
  };
}

function usageError(message: string): CliResult {
  return { exitCode: 2, lines: [JSON.stringify({ valid: false, error: { code: "USAGE", message, ai: null, offset: null } }), USAGE] };
}

/** Pure entry point: arguments and stdin text in, output lines and exit code out. */
export function runCli(argv: readonly string[], readStdin: () => string): CliResult {
  const { positional, flags } = parseArgs(argv);
  const [command, input] = positional;
  const options = optionsFrom(flags);
  if (command === undefined || command === "help" || flags.has("--help")) return { exitCode: command ? 0 : 2, lines: [USAGE] };
  if (input === undefined) return usageError(`"${command}" needs an input`);

  if (command === "parse") {
    if (input !== "-") {
      const { valid, line } = parseLine(input, options);
      return { exitCode: valid ? 0 : 1, lines: [line] };
    }
    const lines: string[] = [];
    let allValid = true;
    for (const raw of readStdin().split(/\r?\n/)) {
      if (raw === "") continue;
      const { valid, line } = parseLine(raw, options);
      allValid &&= valid;
      lines.push(line);
    }
    return { exitCode: allValid ? 0 : 1, lines };
  }

  if (command === "generate") {
    const parsed = parseElementString(input, options);
    if (!parsed.ok) return { exitCode: 1, lines: [errorJson(parsed.error)] };
    const stem = flags.get("--stem");
    const out = generateElementStrings(parsed.value, typeof stem === "string" ? stem : undefined, options);
    return { exitCode: 0, lines: [JSON.stringify({ valid: true, ...out })] };
  }

  if (command === "epc") {
    const parsed = parseBarcodeData(input, options);
    if (!parsed.ok) return { exitCode: 1, lines: [errorJson(parsed.error)] };
    const gcp = flags.get("--gcp-length");
    const urn = typeof gcp === "string" ? elementsToEpcUrn(parsed.value.elements, Number(gcp)) : null;
    if (urn && !urn.ok) return { exitCode: 1, lines: [errorJson(urn.error)] };
    return { exitCode: 0, lines: [JSON.stringify({ valid: true, elementString: parsed.value.elementString, canonicalUri: parsed.value.canonicalUri, epcUrn: urn?.value ?? null })] };
  }

  return usageError(`Unknown command "${command}"`);
}

async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const needsStdin = argv.includes("-");
  const stdin = needsStdin ? await readAllStdin() : "";
  const result = runCli(argv, () => stdin);
  process.stdout.write(result.lines.map((l) => `${l}\n`).join(""));
  process.exitCode = result.exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  void main();
}
