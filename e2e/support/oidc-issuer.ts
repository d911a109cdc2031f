// A real OpenID Connect issuer for the e2e suite: oidc-provider on loopback over plain http, with one
// confidential client (genuine's Auth.js "oidc" provider), a small in-memory account store and its own
// login page. Playwright starts it as a webServer before the app (see playwright.config.ts):
//
//   OIDC_PORT=3290 E2E_PORT=3210 OIDC_CLIENT_ID=… OIDC_CLIENT_SECRET=… npx tsx e2e/support/oidc-issuer.ts
//
// Accounts are keyed by login name (the e-mail address); every account signs in with SSO_PASSWORD.
// Any login ending in @invited.example is accepted as a verified address too, so a spec can invite a
// brand-new e-mail in the console and then sign that person in here.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { exportJWK, generateKeyPair } from "jose";

export const SSO_PASSWORD = "sso-demo-password";
export const INVITED_DOMAIN = "invited.example";

interface SsoAccount {
  email: string;
  emailVerified: boolean;
  name: string;
}

const fixedAccounts: Record<string, SsoAccount> = {
  "analyst@medivia.example": { email: "analyst@medivia.example", emailVerified: true, name: "Medivia Analyst" },
  "stranger@nowhere.example": { email: "stranger@nowhere.example", emailVerified: true, name: "Sam Stranger" },
  "unverified@medivia.example": { email: "unverified@medivia.example", emailVerified: false, name: "Una Verified" },
};

/** The account a login name stands for, or null when this issuer does not know it. */
export function findSsoAccount(login: string): SsoAccount | null {
  const key = login.trim().toLowerCase();
  const fixed = fixedAccounts[key];
  if (fixed) return fixed;
  if (/^[a-z0-9._+-]+@invited\.example$/.test(key)) return { email: key, emailVerified: true, name: key.split("@")[0]! };
  return null;
}

// oidc-provider ships no TypeScript declarations: describe the little of it used here.
interface Interaction {
  uid: string;
  prompt: { name: string; details: Record<string, unknown> };
  params: Record<string, unknown>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(req: IncomingMessage, res: ServerResponse, result: unknown, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
}
interface GrantInstance {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface LoadGrantContext {
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    provider: {
      Grant: { new (init: { clientId: string; accountId: string }): GrantInstance; find(id: string): Promise<GrantInstance | undefined> };
    };
  };
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function loginPage(uid: string, { login = "", error }: { login?: string; error?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in – Test Identity Provider</title>
<style>
  body { font-family: system-ui, sans-serif; background: #eef1f5; margin: 0; display: grid; place-items: center; min-height: 100vh; }
  main { background: #fff; padding: 2rem 2.5rem; border-radius: 12px; box-shadow: 0 4px 24px #0002; width: min(22rem, 90vw); }
  h1 { font-size: 1.3rem; margin: 0 0 .25rem; } p { color: #555; margin: 0 0 1.25rem; font-size: .9rem; }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; font-size: .9rem; }
  input { width: 100%; box-sizing: border-box; padding: .55rem .6rem; border: 1px solid #aab; border-radius: 6px; font: inherit; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { flex: 1; padding: .6rem; border-radius: 6px; border: 0; font: inherit; font-weight: 600; cursor: pointer; background: #2f4bd8; color: #fff; }
  button.cancel { background: #e3e6ee; color: #222; }
  [role=alert] { color: #a11; background: #fdecec; padding: .5rem .75rem; border-radius: 6px; }
</style>
</head>
<body>
<main>
  <h1>Test Identity Provider</h1>
  <p>Sign in to continue to genuine.</p>
  ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
  <form method="post" action="/interaction/${encodeURIComponent(uid)}/login" aria-label="Identity provider sign-in">
    <label for="login">Login</label>
    <input id="login" name="login" type="text" autocomplete="username" required value="${escapeHtml(login)}" ${login ? "" : "autofocus"}>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required ${login ? "autofocus" : ""}>
    <div class="actions">
      <button type="submit">Continue</button>
      <button type="submit" class="cancel" formaction="/interaction/${encodeURIComponent(uid)}/abort" formnovalidate>Cancel</button>
    </div>
  </form>
</main>
</body>
</html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 64 * 1024) throw new Error("form too large");
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" });
  res.end(body);
}

export async function startIssuer(options: { port: number; clientId: string; clientSecret: string; redirectUris: string[] }) {
  // A variable specifier: the package has no type declarations, the interfaces above stand in.
  const specifier = "oidc-provider";
  const { default: Provider } = (await import(specifier)) as { default: ProviderConstructor };
  const issuer = `http://localhost:${options.port}`;

  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: "e2e-signing-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ["genuine-e2e-oidc-cookie-key"] },
    scopes: ["openid", "email", "profile"],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Without this the ID token carries only sub and Auth.js never sees the e-mail address.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = findSsoAccount(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
    // genuine is this issuer's only, first-party client: grant it the OIDC scopes without a consent page.
    async loadExistingGrant(ctx: LoadGrantContext) {
      const { Grant } = ctx.oidc.provider;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return Grant.find(grantId);
      const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      grant.addOIDCClaims(["email", "email_verified", "name"]);
      await grant.save();
      return grant;
    },
    ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });
  const oidc = provider.callback();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(url.pathname);
    if (!match) return oidc(req, res);
    try {
      const [, uid, action] = match as unknown as [string, string, string | undefined];
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) return send(res, 400, "text/plain", "interaction mismatch");
      if (!action && req.method === "GET") {
        if (details.prompt.name !== "login") return send(res, 501, "text/plain", `prompt ${details.prompt.name} not supported`);
        const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
        return send(res, 200, "text/html", loginPage(uid, { login: hint }));
      }
      if (req.method !== "POST") return send(res, 405, "text/plain", "method not allowed");
      if (action === "abort") {
        return provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "End-User aborted interaction" },
          { mergeWithLastSubmission: false },
        );
      }
      const form = await readForm(req);
      const login = (form.get("login") ?? "").trim().toLowerCase();
      if (!findSsoAccount(login) || form.get("password") !== SSO_PASSWORD) {
        return send(res, 401, "text/html", loginPage(uid, { login, error: "Unknown login or wrong password." }));
      }
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    } catch (error) {
      console.error("[oidc-issuer]", error);
      if (!res.headersSent) send(res, 400, "text/plain", `interaction failed: ${(error as Error).message}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return { issuer, server };
}

async function main() {
  const port = Number(process.env.OIDC_PORT ?? 3290);
  const appPort = Number(process.env.E2E_PORT ?? 3210);
  const clientId = process.env.OIDC_CLIENT_ID ?? "genuine-e2e";
  const clientSecret = process.env.OIDC_CLIENT_SECRET ?? "genuine-e2e-client-secret";
  // Next rewrites loopback addresses to "localhost": the embedded app server, and the PostgreSQL one.
  const redirectUris = [appPort, appPort + 1].map((p) => `http://localhost:${p}/api/auth/callback/oidc`);
  const { issuer, server } = await startIssuer({ port, clientId, clientSecret, redirectUris });
  console.log(`[oidc-issuer] ready: issuer ${issuer} (listening on 127.0.0.1:${port}), client ${clientId}, redirect ${redirectUris[0]}`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error("[oidc-issuer] failed to start:", error);
    process.exit(1);
  });
}
