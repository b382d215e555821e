import "server-only";
import { existsSync } from "node:fs";
import path from "node:path";
import Tinypool from "tinypool";
import { logger } from "@/lib/logger";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";

const WORKER = path.join(process.cwd(), ".next", "pdf-worker", "worker.mjs");
const THREADS = Number(process.env.PDF_WORKERS ?? 2);
const TIMEOUT_MS = Number(process.env.PDF_RENDER_TIMEOUT_MS ?? 60_000);
// react-pdf keeps ~0.2 MB per render in a long-lived thread: start fresh threads now and then.
const RECYCLE_AFTER = Number(process.env.PDF_RECYCLE_AFTER ?? 200);

const globalForPool = globalThis as unknown as { readoutPdfPool?: { pool: Tinypool; renders: number } | null };

function pool() {
  if (globalForPool.readoutPdfPool === undefined) {
    globalForPool.readoutPdfPool =
      THREADS > 0 && existsSync(WORKER)
        ? { pool: new Tinypool({ filename: WORKER, minThreads: 1, maxThreads: THREADS, idleTimeout: 10 * 60_000 }), renders: 0 }
        : null;
    if (!globalForPool.readoutPdfPool) logger.info("PDF worker bundle not built: rendering in the request thread");
  }
  return globalForPool.readoutPdfPool;
}

/**
 * Renders off the request thread when the worker bundle exists (production builds), else in
 * process (tests, dev). A render that hangs is abandoned after the timeout and its thread ended.
 */
export async function render(request: RenderRequest): Promise<Uint8Array> {
  const p = pool();
  if (!p) return renderPdf(request);
  try {
    const out = (await p.pool.run(request, { signal: AbortSignal.timeout(TIMEOUT_MS) })) as Uint8Array;
    if (++p.renders % RECYCLE_AFTER === 0) void p.pool.recycleWorkers().catch((e: unknown) => logger.warn({ err: String(e) }, "PDF worker recycle failed"));
    return out;
  } catch (error) {
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
      throw new Error(`PDF render timed out after ${TIMEOUT_MS} ms`);
    }
    throw error;
  }
}
