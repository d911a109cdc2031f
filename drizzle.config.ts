import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; migrations are applied by the app (db/migrate.ts), never by
// drizzle-kit push, so the same SQL runs on PGlite, PostgreSQL and Neon.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
