// Creates (or recreates) an empty database on a PostgreSQL server and prints its URL.
// Usage: tsx scripts/test/create-database.ts <server-url> <name>
import postgres from "postgres";

const [serverUrl, name] = process.argv.slice(2);
if (!serverUrl || !name || !/^[a-z_][a-z0-9_]*$/.test(name)) {
  console.error("usage: create-database.ts <postgres-server-url> <lower_snake_name>");
  process.exit(2);
}
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
} finally {
  await admin.end();
}
const url = new URL(serverUrl);
url.pathname = `/${name}`;
console.log(url.toString());
