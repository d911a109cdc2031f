// A role in running English text: "an owner", "an analyst", "an editor", "a retailer".
import type { Role } from "@/db/schema";

export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
