// The renderer processes themselves (Tinypool, child processes), apart from the PDF pool's logic
// (lib/pdf/pdf-pool.ts) so that scripts/serve.mjs's primary can start them without loading the
// renderer's code: under `npm start` the server's processes share one set (shared-renderers.ts).
import Tinypool from "tinypool";

/** What runs renders: Tinypool's renderer processes, or the cluster primary's (shared-renderers.ts). */
export interface Renderers {
  /** `renders`: how many renders the task holds (a book's share of parts), for time limits and recycling. */
  run(task: unknown, options: { name: string; signal: AbortSignal; renders?: number }): Promise<unknown>;
  recycleWorkers(): Promise<void>;
  destroy(): Promise<void>;
}

/** The renderer processes' settings, from the environment. */
export function rendererSettings() {
  return {
    // Renderer processes: scripts/serve.mjs sets it to the CPU count (one set for all its server
    // processes); elsewhere (tests, the benchmark) 2, as on the 2-core machines this is built on.
    threads: Number(process.env.PDF_WORKERS ?? 2),
    // A render taking longer fails (and its renderer is replaced).
    timeoutMs: Number(process.env.PDF_RENDER_TIMEOUT_MS ?? 60_000),
    // A safety net: rendering no longer keeps memory per render (render.ts renderBytes).
    recycleAfter: Number(process.env.PDF_RECYCLE_AFTER ?? 5000),
    // Not lower: under a 512 MB cap V8 collected so much more often that two renderers drew
    // 35 notes/s instead of 47, and a book from nothing took 800 ms instead of 620 (decision 0009).
    heapLimitMb: Number(process.env.PDF_WORKER_HEAP_MB ?? 2048),
  };
}

/** The environment a renderer gets: what rendering reads, not the server's secrets. */
function rendererEnv(): Record<string, string> {
  const wanted = (name: string) => ["NODE_ENV", "PATH", "TZ", "LANG", "LC_ALL", "HOME"].includes(name) || name.startsWith("PDF_");
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => wanted(entry[0]) && entry[1] !== undefined),
  );
}

/**
 * Starts `threads` renderer processes running `filename` (lib/pdf/worker.ts, bundled). A renderer
 * that dies while idle (killed, out of memory) is replaced and reported to `onError`: Tinypool
 * emits it as an "error" event, which would otherwise end the process that owns the renderers.
 */
export function startRenderers(options: { filename: string; threads: number; heapLimitMb?: number; onError: (error: unknown) => void }): Tinypool {
  const heapLimitMb = options.heapLimitMb ?? 2048;
  // The young generation (three semi-spaces) in proportion to the heap limit: 64 MB semi-spaces
  // under the default 2 GB, less under a lower limit, so that the limit still bounds the heap.
  const semiSpace = Math.max(2, Math.min(64, 2 ** Math.floor(Math.log2(heapLimitMb / 32))));
  const pool = new Tinypool({
    filename: options.filename,
    // All of them from the start: a renderer started on demand would begin cold (~1.5 s).
    minThreads: options.threads,
    maxThreads: options.threads,
    idleTimeout: 10 * 60_000,
    // Child processes, not threads: a book rendered from nothing by two renderer processes took
    // 730–840 ms against 870–930 ms by two threads of one process (decision 0009).
    runtime: "child_process",
    serialization: "advanced",
    env: rendererEnv(), // a forked process gets only what it is given
    // Semi-spaces of 32–64 MB (under the default limit) from the start, not V8's small ones grown
    // on demand: a book part allocates ~10 MB that mostly lives as long as its render, so a small
    // young generation promoted it to the old one, for full collections to free (260 parts: 183
    // scavenges and 6 mark-compacts; with these, 46 and 2). Books from nothing took 0.89–0.96 of
    // the time, for ~50 MB more a renderer (decision 0009, item 24); raising only the maximum
    // changed nothing.
    execArgv: [`--max-old-space-size=${heapLimitMb}`, `--min-semi-space-size=${semiSpace / 2}`, `--max-semi-space-size=${semiSpace}`],
  });
  pool.on("error", options.onError);
  return pool;
}

