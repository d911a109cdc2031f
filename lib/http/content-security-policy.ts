// The Content Security Policy for HTML pages: scripts only from us with this request's nonce, no
// framing (frame-ancestors), forms only to us — plus the SSO issuer, since Chrome applies form-action
// to the redirect that follows the sign-in form.

export function contentSecurityPolicy(options: { nonce: string; development: boolean; https: boolean; formTargets?: string[] }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // React's style attributes and Next's injected styles need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${(options.formTargets ?? []).map((t) => ` ${t}`).join("")}`,
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
