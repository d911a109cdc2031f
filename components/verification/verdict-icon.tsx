import type { VerdictLevel } from "@/db/schema/enums";

// One shape per level, so the answer never rests on colour alone: a tick, a warning triangle, a clock,
// an exclamation in a shield, a cross, a megaphone. Decorative: the headline says it in words.
const paths: Record<VerdictLevel | "none", string> = {
  genuine: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.4 14.2-4.3-4.3 1.4-1.4 2.9 2.9 6-6 1.4 1.4z",
  caution: "M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z",
  expired: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 10.4 3.5 2.1-1 1.7L11 13V6.5h2z",
  suspect: "M12 1 3 5v6c0 5.5 3.8 10.7 9 12 5.2-1.3 9-6.5 9-12V5l-9-4zm1 16h-2v-2h2v2zm0-4h-2V7h2v6z",
  counterfeit: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm4.3 12.9-1.4 1.4-2.9-2.9-2.9 2.9-1.4-1.4 2.9-2.9-2.9-2.9 1.4-1.4 2.9 2.9 2.9-2.9 1.4 1.4-2.9 2.9z",
  recalled: "M3 9v6h4l5 4V5L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z",
  none: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z",
};

export function VerdictIcon({ level }: { level: VerdictLevel | "none" }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-icon={level}>
      <path fill="currentColor" d={paths[level]} />
    </svg>
  );
}
