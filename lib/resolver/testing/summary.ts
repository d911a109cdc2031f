// Test-only: an outcome as one comparable line ("307 https://…", "300 a b", "404 reason", "200 anchors").
import type { ResolutionOutcome } from "../types";

export function summary(outcome: ResolutionOutcome): string {
  switch (outcome.kind) {
    case "redirect":
      return `307 ${outcome.location}`;
    case "multiple":
      return `300 ${outcome.links.map((l) => l.location).join(" ")}`;
    case "not-found":
      return `404 ${outcome.reason}`;
    case "linkset":
      return `200 ${outcome.linkset.linkset.map((l) => l.anchor).join(" ")}`;
  }
}
