// Where to send someone after sign-in: only a path on this site, never another origin.

export function safeReturnPath(candidate: unknown, fallback = "/console"): string {
  if (typeof candidate !== "string" || candidate.length > 2000) return fallback;
  // "/x" is local; "//evil.example", "/\evil.example" and "https://…" are not.
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  try {
    const url = new URL(candidate, "http://local.invalid");
    if (url.origin !== "http://local.invalid") return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
