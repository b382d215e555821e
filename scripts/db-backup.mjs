#!/usr/bin/env node
// npm run db:backup -- [--out file]   (default: backups/readout-<timestamp>.dump)
// A consistent snapshot of DATABASE_URL in pg_dump's custom format (compressed; restorable table
// by table). Needs pg_dump of the server's major version or newer (Debian: postgresql-client).
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: the database to back up.");
  process.exit(2);
}
const i = process.argv.indexOf("--out");
const out = i >= 0 ? process.argv[i + 1] : path.join("backups", `readout-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`);
if (!out) {
  console.error("usage: npm run db:backup -- [--out <file>]");
  process.exit(2);
}
mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const r = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", out, url], { stdio: ["ignore", "inherit", "inherit"] });
if (r.error) {
  console.error(`pg_dump could not run (${r.error.message}); install PostgreSQL's client tools.`);
  process.exit(1);
}
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`[readout] backup written: ${out}`);
