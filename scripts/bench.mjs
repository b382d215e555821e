#!/usr/bin/env node
// `npm run bench:<name>`: runs scripts/bench/<name>.ts against a fresh, migrated database on the
// local server (DATABASE_URL / TEST_DATABASE_URL) or an embedded one, then drops it.
import { loadConfig } from "./lib/config.mjs";
import { createFreshDatabase } from "./lib/fresh-db.mjs";
import { NODE, TSX, run } from "./lib/run.mjs";

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
  console.error("usage: node scripts/bench.mjs <name>   (a file in scripts/bench/)");
  process.exit(2);
}
const config = await loadConfig();
const db = await createFreshDatabase(config, { prefix: "readout_bench", log: (m) => console.error(`[bench] ${m}`) });
let code = 0;
try {
  await db.migrate();
  await run(NODE, [...TSX, `scripts/bench/${name}.ts`, ...process.argv.slice(3)], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production", LOG_LEVEL: "warn" },
  });
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await db.drop();
}
process.exit(code);
