#!/usr/bin/env node
// npm run db:restore -- --in file
// Restores a db:backup file into DATABASE_URL, which must be an empty database (create it first):
// restoring over live data is refused rather than merged.
import { spawnSync } from "node:child_process";
import pg from "pg";

const url = process.env.DATABASE_URL;
const i = process.argv.indexOf("--in");
const file = i >= 0 ? process.argv[i + 1] : undefined;
if (!url || !file) {
  console.error("usage: DATABASE_URL=<empty database> npm run db:restore -- --in <file>");
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
await client.end();
if (rows[0].n > 0) {
  console.error("The target database is not empty: restore into a new, empty database, then point the app at it.");
  process.exit(1);
}
const r = spawnSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname", url, file], { stdio: ["ignore", "inherit", "inherit"] });
if (r.error) {
  console.error(`pg_restore could not run (${r.error.message}); install PostgreSQL's client tools.`);
  process.exit(1);
}
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`[readout] restored ${file}`);
