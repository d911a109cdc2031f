// npm run db:seed — migrate, then load the demo data set into an empty database.
import { seedDemo } from "@/lib/demo/seed";
import { openConfiguredDatabase } from "@/lib/runtime/app-database";

async function main() {
  const handle = await openConfiguredDatabase();
  try {
    await handle.migrate();
    const summary = await seedDemo(handle.db);
    console.info(
      summary.seeded
        ? `genuine: demo seeded on ${handle.kind}: ${summary.organisations} organisations, ${summary.users} users, ` +
            `${summary.products} products, ${summary.units} units, ${summary.events} events, ${summary.scans} scans, ${summary.cases} cases`
        : "genuine: the database already holds organisations; nothing seeded",
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
