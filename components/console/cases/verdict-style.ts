// How the console shows a verdict: one colour and one word per level, shared by the map, its legend and
// the timelines. Colour is never the only cue: every place and scan also says its verdict in words.

export const verdictColours: Record<string, string> = {
  genuine: "#0b6e4f",
  expired: "#5f6b66",
  recalled: "#6a3d9a",
  caution: "#a86400",
  suspect: "#d9480f",
  counterfeit: "#b3261e",
};

export const noVerdictColour = "#7d8a84";

export function verdictColour(verdict: string | null): string {
  return (verdict && verdictColours[verdict]) || noVerdictColour;
}

export function verdictLabel(verdict: string | null): string {
  if (!verdict) return "no verdict";
  return verdict.replace(/_/g, " ");
}
