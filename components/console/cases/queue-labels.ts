// How the queue names verdict rules: a short label from the code, the catalogue's description beside it.
import { VERDICT_RULES } from "@/lib/verdict/rules-catalogue";

export function ruleLabel(code: string): string {
  const words = code.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ruleDescription(code: string): string {
  return Object.hasOwn(VERDICT_RULES, code) ? VERDICT_RULES[code as keyof typeof VERDICT_RULES].description : "A rule this version no longer knows.";
}
