import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two projects: unit tests (*.test.ts, no database) and the integration suite
// (*.integration.test.ts beside the code they test), which touches a real database. The integration
// suite runs once on PGlite and once on PostgreSQL (TEST_DATABASE_URL), driven by scripts/test-all.sh.
export default defineConfig({
  resolve: { alias: { "@": root } },
  // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
  // let Vite resolve it instead.
  test: {
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
          // Property tests run thousands of inputs; a busy 2-core machine needs more than 5 s.
          testTimeout: 30_000,
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["**/node_modules/**", ".next/**"],
          environment: "node",
          globalSetup: ["db/testing/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
