import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (`npm run build` first): one server on the
// embedded database, and — when TEST_DATABASE_URL names a PostgreSQL server — one on PostgreSQL.
const embeddedPort = Number(process.env.E2E_PORT ?? 3210);
const postgresPort = embeddedPort + 1;
const postgresUrl = process.env.E2E_DATABASE_URL;

// A real OpenID Connect issuer (oidc-provider) on loopback for the SSO specs; the embedded app server
// trusts it. The issuer and the app both use "localhost": Next rewrites 127.0.0.1 to it in redirect URIs.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3290);
const oidcIssuer = `http://localhost:${oidcPort}`;
const oidcClientId = "genuine-e2e";
const oidcClientSecret = "genuine-e2e-client-secret-not-for-production";

// Playwright cannot download its browser here: use the system Chromium when there is one.
const chromiumPath =
  process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

const server = (port: number, dataDir: string, env: Record<string, string>) => ({
  // Start next directly: killing an npx wrapper would leave the real server holding the port.
  command: `rm -rf ${dataDir} && node node_modules/next/dist/bin/next start -p ${port}`,
  url: `http://localhost:${port}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: { DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", ...env },
});

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${embeddedPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: "node --import tsx e2e/support/oidc-issuer.ts",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe" as const,
      env: {
        OIDC_PORT: String(oidcPort),
        E2E_PORT: String(embeddedPort),
        OIDC_CLIENT_ID: oidcClientId,
        OIDC_CLIENT_SECRET: oidcClientSecret,
      },
    },
    server(embeddedPort, ".tmp/e2e-pglite", {
      OIDC_ISSUER: oidcIssuer,
      OIDC_CLIENT_ID: oidcClientId,
      OIDC_CLIENT_SECRET: oidcClientSecret,
      OIDC_NAME: "Company SSO",
    }),
    ...(postgresUrl ? [server(postgresPort, ".tmp/e2e-postgres", { DATABASE_URL: postgresUrl, SEED_DEMO: "true" })] : []),
  ],
  metadata: { postgresBaseUrl: postgresUrl ? `http://localhost:${postgresPort}` : undefined },
});
