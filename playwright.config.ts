import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (`npm run build` first): one server on the
// embedded database, and — when TEST_DATABASE_URL names a PostgreSQL server — one on PostgreSQL.
const embeddedPort = Number(process.env.E2E_PORT ?? 3210);
const postgresPort = embeddedPort + 1;
const postgresUrl = process.env.E2E_DATABASE_URL;

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
    server(embeddedPort, ".tmp/e2e-pglite", {}),
    ...(postgresUrl ? [server(postgresPort, ".tmp/e2e-postgres", { DATABASE_URL: postgresUrl, SEED_DEMO: "true" })] : []),
  ],
  metadata: { postgresBaseUrl: postgresUrl ? `http://localhost:${postgresPort}` : undefined },
});
