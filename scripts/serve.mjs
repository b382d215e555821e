#!/usr/bin/env node
// The server: Next.js once per CPU (WEB_CONCURRENCY), all on one port through Node's cluster
// module. One Next.js process renders pages on one thread; with a process per core, two cores
// serve twice the pages (decision 0012). Each process is a small HTTP server that passes every
// request through lib/request-gate.ts (request id, Content-Security-Policy nonce, session
// timeouts, the 503 page during a database outage) and then to Next.js (decision 0013).
// Arguments: `-p PORT`, `-H HOST`, `--dev` (one process, Next.js in development mode; unlike
// `next dev` it does not restart itself when next.config.js changes). A process that dies is
// replaced; SIGTERM stops all.
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" }, dev: { type: "boolean" } },
  strict: true,
});
const dev = args.dev === true;
/** Set once the primary is stopping (its renderers' endings are expected then). */
let stopping = false;
const workers = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()) || 1);

// PDF renderer processes: one per CPU unless PDF_WORKERS says otherwise. With several server
// processes the primary runs them for all (startSharedRenderers), so that any render, and a book's
// records side by side, may use every CPU.
const pdfWorkersSet = process.env.PDF_WORKERS !== undefined;
process.env.PDF_WORKERS ??= String(os.availableParallelism());

/** A TypeScript module of the app (under lib/, "@/" paths), compiled by jiti once (cached). */
async function importTs(file) {
  const { createJiti } = await import("jiti");
  return createJiti(import.meta.url, { alias: { "@/": `${ROOT}/` } }).import(path.join(ROOT, file));
}

async function runNext() {
  // READOUT_SERVER_BIN: a stand-in server script (scripts/serve.test.ts uses one).
  if (process.env.READOUT_SERVER_BIN) return void (await import(pathToFileURL(path.resolve(process.env.READOUT_SERVER_BIN)).href));
  // As `next start` / `next dev` do: React and Next.js pick their builds by it.
  process.env.NODE_ENV = dev ? "development" : "production";
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  const { default: next } = await import("next");
  const { gate } = await importTs("lib/request-gate.ts");
  const server = http.createServer();
  const app = next({ dev, dir: ROOT, hostname: args.hostname ?? "localhost", port, httpServer: server });
  await app.prepare();
  const handle = gate(app.getRequestHandler());
  server.on("request", (req, res) => {
    handle(req, res).catch((error) => {
      console.error(`[readout] request ${req.method} ${req.url?.split("?")[0]} failed:`, error);
      // Half an answer already sent cannot become an error page: cut the connection.
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Internal Server Error");
    });
  });
  server.on("error", (error) => {
    console.error("[readout] server failed to start:", error);
    process.exit(1);
  });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    // Finish what is in flight, then stop; whatever has not finished in 10 s is cut. Exit code 0:
    // the cluster primary reads it as "stopping", not as a crash to replace.
    setTimeout(() => process.exit(0), 10_000).unref();
    const closed = new Promise((resolve) => server.close(resolve));
    // In development the browser keeps hot-reload connections open: they would hold the close.
    if (dev) server.closeAllConnections();
    else server.closeIdleConnections();
    // The PDF renderer processes (lib/pdf/pool.ts) are stopped with it, a render under way too.
    void closed
      .then(() => app.close())
      .then(() => globalThis.readoutPdfPool?.destroy())
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);
  await new Promise((resolve) => server.listen(port, args.hostname, () => resolve(undefined)));
  console.log(`[readout] server process ${process.pid} ready on ${args.hostname ?? "*"}:${port}${dev ? " (development)" : ""}`);
}

/**
 * The primary's PDF renderer processes, shared by the server processes (lib/pdf/shared-renderers.ts):
 * each server process is told so (READOUT_PDF_RENDERERS) and asks for renders over its channel.
 * Without the renderer bundle (no production build) or with PDF_WORKERS=0 the server processes
 * render as they would alone.
 */
async function startSharedRenderers() {
  // READOUT_PDF_WORKER_FILE: a stand-in renderer (scripts/serve.test.ts uses one).
  const filename = process.env.READOUT_PDF_WORKER_FILE ?? path.join(ROOT, ".next", "pdf-worker", "worker.mjs");
  const threads = Number(process.env.PDF_WORKERS);
  if (!(threads > 0) || !existsSync(filename)) return null;
  // As the server processes run (runNext): the renderers get it, and react-pdf keeps less per render in production.
  process.env.NODE_ENV = "production";
  const { startRenderers, rendererSettings } = await importTs("lib/pdf/renderers.ts");
  const { shareRenderers } = await importTs("lib/pdf/shared-renderers.ts");
  const settings = rendererSettings();
  const onError = (error) => {
    // A renderer that ends while the server stops is no news: a stop sent to the whole process
    // group reaches the renderers too, and they end once their renders are done (lib/pdf/worker.ts).
    if (stopping && error instanceof Error && /exited unexpectedly/.test(error.message)) return;
    console.error("[readout] PDF renderers:", error instanceof Error ? error.message : error);
  };
  const renderers = startRenderers({ filename, threads: settings.threads, heapLimitMb: settings.heapLimitMb, onError });
  try {
    cluster.on("fork", shareRenderers(renderers, { recycleAfter: settings.recycleAfter, timeoutMs: settings.timeoutMs, onError }));
    // Renders and their results (bytes) go over the channel as structured clones, not JSON.
    cluster.setupPrimary({ serialization: "advanced" });
  } catch (error) {
    await renderers.destroy().catch(() => undefined);
    throw error;
  }
  process.env.READOUT_PDF_RENDERERS = "shared";
  return renderers;
}

if (workers === 1 || !cluster.isPrimary) {
  await runNext();
} else {
  const renderers = await startSharedRenderers().catch((error) => {
    // The server processes then start renderers of their own, the CPUs split between them.
    console.error("[readout] PDF renderers could not be shared; each server process starts its own:", error);
    if (!pdfWorkersSet) process.env.PDF_WORKERS = String(Math.max(1, Math.floor(os.availableParallelism() / workers)));
    return null;
  });
  /** Ends the renderers (a render under way too; at most 3 s), then the primary. */
  const exit = async (code) => {
    await Promise.race([renderers?.destroy().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
    process.exit(code);
  };
  /** Start times of recent deaths: a worker that keeps dying at start-up stops the server. */
  const deaths = [];
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void exit(process.exitCode ?? 0);
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
    if (alive.length === 0) return void exit(code);
    for (const w of alive) w?.process.kill("SIGTERM");
    // Whatever has not ended in 10 s is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      void exit(code);
    }, 10_000).unref();
    process.exitCode = code;
  };
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
}
