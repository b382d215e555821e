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
  // The PDF renderer needs React's ordinary build; database code needs the react-server
  // condition (for its "server-only" guard). No benchmark needs both.
  const tsx = name === "pdf" ? [TSX[0]] : TSX;
  await run(NODE, [...tsx, `scripts/bench/${name}.ts`, ...process.argv.slice(3)], {
    env: { ...process.env, DATABASE_URL: db.url, NODE_ENV: "production", LOG_LEVEL: "warn" },
  });
} catch (error) {
  console.error(`[bench] ${error instanceof Error ? error.message : error}`);
  code = 1;
} finally {
  await db.drop();
}
process.exit(code);
