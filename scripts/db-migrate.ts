// npm run db:migrate — apply pending migrations to the configured database, then exit.
import { openConfiguredDatabase } from "@/lib/runtime/app-database";

async function main() {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    console.info(`genuine: migrations applied (${handle.kind})`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
