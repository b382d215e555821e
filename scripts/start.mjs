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

// Stopping: the server first, then the embedded PostgreSQL it was using; a second Ctrl-C does
// not wait.
leaveSignalsToCaller();
let embedded;
let embeddedStarting;
let child;
let stopping;
const preparing = new AbortController();
function shutdown(code) {
  stopping ??= (async () => {
    preparing.abort(); // a migration, seed or build under way
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    const pg = embedded ?? (await embeddedStarting?.catch(() => undefined));
    if (pg) await pg.stop().catch(() => {});
    log("stopped");
    process.exit(code);
  })();
  return stopping;
}
let signals = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (++signals === 1) return void shutdown(0);
    // The server processes end within their own 10 s limit; PostgreSQL stops without waiting.
    log("stopping at once");
    embedded?.kill();
    process.exit(1);
  });
}

if (!process.env.DATABASE_URL) {
  embeddedStarting = startEmbeddedPostgres({ dataDir: config.READOUT_DATA_DIR, port: config.EMBEDDED_PG_PORT, log });
  embedded = await embeddedStarting;
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
  const signal = preparing.signal;
  await run(NODE, ["scripts/prisma.mjs", "migrate", "deploy"], { signal });
  await run(NODE, [...TSX, "prisma/seed.ts"], { signal });
  if (!dev && buildIsStale()) {
    log("building the app (first start or changed sources; takes a minute or two)");
    await run(NODE, [NEXT, "build"], { signal });
    await run(NODE, ["scripts/build-pdf-worker.mjs"], { signal });
  } else if (dev) {
    // The renderer processes run this bundle in development too: an old one may lack a task the
    // server now asks for, or print old templates.
    await run(NODE, ["scripts/build-pdf-worker.mjs"], { signal });
  }
} catch (error) {
  if (!stopping) console.error(`[readout] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
// Stopped while preparing: the server never starts (shutdown ends the process).
if (stopping) await stopping;

child = spawn(NODE, ["scripts/serve.mjs", ...(dev ? ["--dev"] : []), "-p", String(config.PORT)], { stdio: "inherit" });
child.on("exit", (code) => void shutdown(code ?? 0));
log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s of preparation: http://localhost:${config.PORT}`);
