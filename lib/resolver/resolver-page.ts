// The small HTML answers of the resolver for people (a phone's camera opens them): a malformed code,
// nothing to show, too many scans, or a choice of links. Self-contained (no script, inline style only),
// escaped, in plain words, with the technical detail underneath for whoever asks the brand for help.
export interface ResolverPage {
  status: number;
  title: string;
  message: string;
  detail?: string;
  choices?: readonly { href: string; title: string; hreflang?: string }[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#f6f6f3}
main{max-width:34rem;margin:0 auto;padding:2rem 1.25rem}h1{font-size:1.4rem;margin:0 0 .75rem}
p{margin:0 0 1rem}code{word-break:break-all;font-size:.9rem;background:#ecece7;padding:.1rem .3rem;border-radius:4px}
ul{padding-left:1.2rem}a{color:#0b5394}a:focus{outline:3px solid #f4b400;outline-offset:2px}
@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}code{background:#2a2a2a}a{color:#8ab4f8}}`;

export function resolverPageHtml(page: ResolverPage): string {
  const choices = page.choices?.length
    ? `<ul>${page.choices
        .map((c) => `<li><a href="${escapeHtml(c.href)}"${c.hreflang ? ` hreflang="${escapeHtml(c.hreflang)}"` : ""}>${escapeHtml(c.title)}</a></li>`)
        .join("")}</ul>`
    : "";
  const detail = page.detail ? `<p>Details: <code>${escapeHtml(page.detail)}</code></p>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(page.title)} · genuine</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${choices}${detail}<p><a href="/">genuine home</a></p></main></body></html>`;
}

/** Only this page's own inline style may run: no scripts at all. */
export const RESOLVER_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
