import Tinypool from "tinypool";
import type { RenderRequest } from "@/lib/pdf/render";

export interface PdfPoolOptions {
  filename: string;
  threads: number;
  timeoutMs: number;
  /** react-pdf keeps ~0.2 MB per render in a long-lived thread: replace the threads this often. */
  recycleAfter: number;
  onError?: (error: unknown) => void;
}

/** Worker threads that render PDFs, with a per-render timeout and periodic recycling. */
export class PdfPool {
  private readonly pool: Tinypool;
  private renders = 0;

  constructor(private readonly options: PdfPoolOptions) {
    this.pool = new Tinypool({ filename: options.filename, minThreads: 1, maxThreads: options.threads, idleTimeout: 10 * 60_000 });
  }

  async render(request: RenderRequest): Promise<Uint8Array> {
    try {
      const out = (await this.pool.run(request, { signal: AbortSignal.timeout(this.options.timeoutMs) })) as Uint8Array;
      if (++this.renders % this.options.recycleAfter === 0) void this.pool.recycleWorkers().catch(this.options.onError);
      return out;
    } catch (error) {
      if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
        throw new Error(`PDF render timed out after ${this.options.timeoutMs} ms`);
      }
      throw error;
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
