// Recognises a unique violation of one named index, whichever driver raised it: PGlite and postgres.js
// errors carry SQLSTATE 23505 and name the constraint in their message, and drizzle wraps them in `cause`.

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const e = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown; cause?: unknown };
    if (e.code === "23505") {
      const named = [e.constraint, e.constraint_name, e.message].some((v) => typeof v === "string" && v.includes(constraint));
      if (named) return true;
    }
    current = e.cause;
  }
  return false;
}
