// Migrations are read from the project at run time (not bundled): resolve from the working
// directory, which is the project root under `next start`, `next dev`, tsx scripts and tests.
import path from "node:path";

export function migrationsFolder(): string {
  return path.resolve(process.cwd(), "db", "migrations");
}
