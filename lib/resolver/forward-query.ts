// Passing the request's query string on to the target ("By default, SHALL pass on all key=value pairs in the
// query string of the request URI (if present) when redirecting", ConformantResolver1_0.txt; check qsPassedOn).

// Control characters could split a Location header; such a pair is dropped rather than passed on.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The key=value pairs of a raw query, verbatim and in order (a bare "flag" is not a key=value pair). */
export function keyValuePairs(rawQuery: string): string[] {
  const query = rawQuery.startsWith("?") ? rawQuery.slice(1) : rawQuery;
  return query.split("&").filter((pair) => pair.indexOf("=") > 0 && !CONTROL.test(pair));
}

/**
 * The href with the request's pairs appended. They are passed verbatim (linkType and context included): GS1's
 * test suite accepts a linkType passed on, and rewriting values could change what the client sent.
 */
export function appendQuery(href: string, rawQuery: string): string {
  const pairs = keyValuePairs(rawQuery);
  if (pairs.length === 0) return href;
  const hash = href.indexOf("#");
  const base = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? "" : href.slice(hash);
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}${pairs.join("&")}${fragment}`;
}
