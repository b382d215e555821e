#!/usr/bin/env node
// The production server: `next start` once per CPU (WEB_CONCURRENCY), all on one port through
// Node's cluster module. One Next.js process renders pages on one thread; with a process per
// core, two cores serve twice the pages (decision 0012). Arguments go to `next start`
// (e.g. `node scripts/serve.mjs -p 3000`). A worker that dies is replaced; SIGTERM stops all.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

// READOUT_SERVER_BIN: another server script in place of `next` (scripts/serve.test.ts uses one).
const NEXT = path.resolve(process.env.READOUT_SERVER_BIN ?? "node_modules/next/dist/bin/next");
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()) || 1);

// The PDF worker threads are per process: split the cores between the processes (at least one
// thread each) unless PDF_WORKERS says otherwise.
process.env.PDF_WORKERS ??= String(Math.max(1, Math.floor(os.availableParallelism() / workers)));

async function runNext() {
  process.argv = [process.argv[0], NEXT, "start", ...process.argv.slice(2)];
  await import(pathToFileURL(NEXT).href);
}

if (workers === 1 || !cluster.isPrimary) {
  await runNext();
} else {
  let stopping = false;
  /** Start times of recent deaths: a worker that keeps dying at start-up stops the server. */
  const deaths = [];
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // Ctrl-C reaches the whole process group: a worker told to stop is not a crash.
    if (code === 0 || signal === "SIGINT" || signal === "SIGTERM") return stop(0);
    const now = Date.now();
    deaths.push(now);
    while (deaths.length && now - deaths[0] > 60_000) deaths.shift();
    console.error(`[readout] server process ${worker.process.pid} ended (${signal ?? `exit ${code}`})${deaths.length > 5 ? "; too many in a minute, stopping" : "; starting another"}`);
    if (deaths.length > 5) return stop(1);
    // A second later for each recent death: a crash at start-up does not spin.
    setTimeout(() => stopping || fork(), 1000 * (deaths.length - 1));
  });
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(code);
    for (const w of alive) w?.process.kill("SIGTERM");
    // Whatever has not ended in 10 s is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(code);
    }, 10_000).unref();
    process.exitCode = code;
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
}
