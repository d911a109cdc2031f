// A brand's GS1 Company Prefixes (what identifiers it owns) and the domains its resolver links may
// point at, as typed by a person (comma- or line-separated) or given to the admin tool.

export type ListResult =
  | { ok: true; value: { companyPrefixes: string[]; approvedDomains: string[] } }
  | { ok: false; errors: Record<string, string> };

const split = (text: string) => [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];

// A hostname: labels of letters, digits and hyphens, at least one dot, no scheme, port or path.
const hostname = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function parseOrganisationLists(companyPrefixes: string, approvedDomains: string): ListResult {
  const prefixes = split(companyPrefixes);
  const domains = split(approvedDomains.toLowerCase());
  const errors: Record<string, string> = {};
  const badPrefix = prefixes.find((p) => !/^\d{4,12}$/.test(p));
  if (badPrefix) errors.companyPrefixes = `"${badPrefix}" is not a GS1 Company Prefix (4 to 12 digits).`;
  const badDomain = domains.find((d) => !hostname.test(d));
  if (badDomain) errors.approvedDomains = `"${badDomain}" is not a domain name (no https://, port or path).`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: { companyPrefixes: prefixes, approvedDomains: domains } };
}
