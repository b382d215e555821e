#!/usr/bin/env node
// `npm start`: database (embedded when DATABASE_URL is unset), migrations, first-run seed,
// a production build when the sources changed, then the server (scripts/serve.mjs: Next.js
// once per CPU, behind lib/request-gate.ts; with --dev, one process in development mode).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { loadConfig, ensureAuthSecret } from "./lib/config.mjs";
import { leaveSignalsToCaller, startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { NEXT, NODE, TSX, run } from "./lib/run.mjs";

const dev = process.argv.includes("--dev");
const log = (msg) => console.log(`[readout] ${msg}`);
const started = Date.now();
const config = await loadConfig({ dev });
process.env.NEXT_TELEMETRY_DISABLED = "1";

let embedded;
// Stopping: the server first, then the embedded PostgreSQL it was using.
leaveSignalsToCaller();
let child;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
  if (embedded) await embedded.stop().catch(() => {});
  log("stopped");
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(0));

if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: config.READOUT_DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  process.env.DATABASE_URL = embedded.url;
  log(`embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT} (data in ${config.READOUT_DATA_DIR}/pg)`);
} else {
  log("using the PostgreSQL server in DATABASE_URL");
}
ensureAuthSecret(config.READOUT_DATA_DIR);
process.env.NEXTAUTH_URL ??= `http://localhost:${config.PORT}`;

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

function buildIsStale() {
  const buildId = ".next/BUILD_ID";
  if (!existsSync(buildId) || !existsSync(".next/pdf-worker/worker.mjs")) return true;
  const sources = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  return Math.max(...sources.map(newestMtime)) > statSync(buildId).mtimeMs;
}

try {
  await run(NODE, ["scripts/prisma.mjs", "migrate", "deploy"]);
  await run(NODE, [...TSX, "prisma/seed.ts"]);
  if (!dev && buildIsStale()) {
    log("building the app (first start or changed sources; takes a minute or two)");
    await run(NODE, [NEXT, "build"]);
    await run(NODE, ["scripts/build-pdf-worker.mjs"]);
  }
} catch (error) {
  console.error(`[readout] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}

child = spawn(NODE, ["scripts/serve.mjs", ...(dev ? ["--dev"] : []), "-p", String(config.PORT)], { stdio: "inherit" });
child.on("exit", (code) => void shutdown(code ?? 0));
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s of preparation: http://localhost:${config.PORT}`);
