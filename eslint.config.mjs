import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    ".data-*/**",
    ".tmp/**",
    "node_modules/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "db/migrations/**",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "import/no-anonymous-default-export": "off",
      // A Pages Router rule: it reads app/[key]/[...path] (the resolver's route handler) as a page that
      // matches every path, /api/health included. The App Router's links are checked by the e2e tests.
      "@next/next/no-html-link-for-pages": "off",
    },
  },
]);
