import "server-only";
import cluster from "node:cluster";
import { existsSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/logger";
import { PdfPool, POOL_SETTINGS } from "@/lib/pdf/pdf-pool";
import { ClusterRenderers } from "@/lib/pdf/shared-renderers";
import { partStore } from "@/lib/domain/briefings/pdf-cache";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import type { Briefing, Paper } from "@/lib/pdf/briefing";

export const PDF_WORKER_FILE = path.join(process.cwd(), ".next", "pdf-worker", "worker.mjs");

const globalForPool = globalThis as unknown as { readoutPdfPool?: PdfPool | null };

function pool(): PdfPool | null {
  if (globalForPool.readoutPdfPool === undefined) {
    // Under scripts/serve.mjs with several server processes, the primary runs the renderers for
    // all of them (lib/pdf/shared-renderers.ts); otherwise this process starts its own.
    const shared = cluster.isWorker && process.env.READOUT_PDF_RENDERERS === "shared";
    const usable = shared || (POOL_SETTINGS.threads > 0 && existsSync(PDF_WORKER_FILE));
    globalForPool.readoutPdfPool = usable
      ? new PdfPool({
          ...POOL_SETTINGS,
          ...(shared ? { renderers: new ClusterRenderers() } : { filename: PDF_WORKER_FILE }),
          partStore,
          onError: (e) => logger.warn({ err: e instanceof Error ? (e.stack ?? e.message) : String(e) }, "PDF rendering: a render failed (its renderer process is replaced), or kept book parts could not be read or stored"),
        })
      : null;
    if (!usable)
      logger.info("PDF worker bundle not built or PDF_WORKERS=0: rendering in the request thread");
  }
  return globalForPool.readoutPdfPool;
}

/** Starts the renderer processes (and their warm-up) with the server, not with its first PDF. */
export function startPdfRenderers(): void {
  pool();
}

/** Renders off the request thread when the worker bundle exists (production builds), else in process. */
export function render(request: RenderRequest): Promise<Uint8Array> {
  const p = pool();
  return p ? p.render(request) : renderPdf(request);
}

/** Renders a record's part of a briefing book ahead of time (kept by the pool; no pool, no-op). */
export async function warmBookPart(briefing: Briefing, paper: Paper): Promise<void> {
  await pool()?.warmPart(briefing, paper);
}
