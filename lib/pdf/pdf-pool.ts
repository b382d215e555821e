import { LRUCache } from "lru-cache";
import { AppError } from "@/lib/errors";
import { rendererSettings, startRenderers, type Renderers } from "@/lib/pdf/renderers";
import type { Briefing, Paper } from "@/lib/pdf/briefing";
import { partIdentity, type RenderedFront, type RenderRequest } from "@/lib/pdf/render";

/** The server's pool (lib/pdf/pool.ts), from the environment; the benchmark uses the same. */
export const POOL_SETTINGS = {
  ...rendererSettings(),
  partCacheBytes: Number(process.env.PDF_PART_CACHE_MB ?? 64) * 2 ** 20,
};

export interface PdfPoolOptions {
  /** The renderer processes' entry (lib/pdf/worker.ts, bundled): started by this pool, `threads` of them… */
  filename?: string;
  threads?: number;
  /** …or renderers started elsewhere (a server process under scripts/serve.mjs: the primary's). */
  renderers?: Renderers;
  timeoutMs: number;
  /** Replace the renderer processes after this many renders (a safety net against slow leaks). */
  recycleAfter: number;
  /** A renderer whose heap passes this dies (that render fails) and is replaced; the server lives on. */
  heapLimitMb?: number;
  /** The most book parts a renderer is handed at once (default 4: ~4 × 20–35 ms that another render may wait). */
  partsPerTask?: number;
  /** Bytes of rendered book parts kept in this process for the next book (0: none). */
  partCacheBytes?: number;
  /** Where rendered parts are also kept for other server processes and after a restart. */
  partStore?: PartStore;
  onError?: (error: unknown) => void;
}

/** Rendered book parts shared beyond this process (the server's: the PDF cache table). */
export interface PartStore {
  /** The parts kept under any of `keys` (a key not kept is absent from the answer). */
  get(keys: string[]): Promise<Map<string, Uint8Array>>;
  /** Keeps newly rendered parts. */
  set(parts: Map<string, Uint8Array>): Promise<void>;
  /** Drops kept parts that could not be used. */
  forget(keys: string[]): Promise<void>;
}

/** The errors of renders stopped by the timeout. */
const timedOut = new WeakSet<object>();

/** Tinypool hands a renderer's error over as a plain object: an Error again, for the logs. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const e = (typeof error === "object" && error !== null ? error : {}) as { name?: unknown; message?: unknown; stack?: unknown };
  const out = new Error(typeof e.message === "string" ? e.message : String(error));
  if (typeof e.name === "string") out.name = e.name;
  if (typeof e.stack === "string") out.stack = e.stack;
  return out;
}

/**
 * A render request for the book task, which is given every record's part: of each record it reads
 * only the facts and the fields beside them (render.ts: the contents, the markings, the document's
 * identity), not the lists the parts print. 30 records cloned whole took ~3 ms on the way to the
 * renderer (two copies and a parse of ~170 KB of objects); their facts, ~0.3 ms.
 */
function forAssembly(request: RenderRequest): RenderRequest {
  return {
    ...request,
    briefings: request.briefings.map((b) => ({ ...b, data: { facts: b.data.facts } as Briefing["data"], earlierOpen: [], history: {} })),
  };
}

const PAGE_TREE = Buffer.from("/Type /Pages\n/Count ");

/**
 * A book part's page count, read from its page tree as pdfkit writes it (`/Type /Pages /Count n`),
 * or null. Only a guess for the contents rendered ahead: the assembly counts the pages it is given
 * and renders the contents again if they were numbered otherwise.
 */
export function pageCountOf(part: Uint8Array): number | null {
  const bytes = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const at = bytes.lastIndexOf(PAGE_TREE);
  if (at < 0) return null;
  let i = at + PAGE_TREE.length;
  let count = 0;
  for (; i < bytes.length && (bytes[i] as number) >= 0x30 && (bytes[i] as number) <= 0x39; i++) count = count * 10 + (bytes[i] as number) - 0x30;
  return i > at + PAGE_TREE.length ? count : null;
}

/**
 * Renderer processes that render PDFs, with a per-render timeout and periodic recycling. A
 * briefing book is split: its records' parts render side by side, a few at a time on each renderer
 * (and are kept, keyed by everything they print, for the next book that contains them), then one
 * renderer assembles them.
 */
export class PdfPool {
  private readonly pool: Renderers;
  private renders = 0;
  /** Book parts rendered so far by this pool (kept ones are not counted). */
  partsRendered = 0;
  /** Books whose cover and contents were started ahead of their assembly (frontAhead). */
  frontsAhead = 0;
  private readonly parts: LRUCache<string, Uint8Array> | null;
  /** Renderer processes (this pool's, or the shared set's: the same setting, PDF_WORKERS). */
  private readonly threads: number;

  constructor(private readonly options: PdfPoolOptions) {
    if (!options.renderers && !options.filename) throw new Error("PdfPool: give it a renderer file or renderers");
    this.pool =
      options.renderers ??
      startRenderers({
        filename: options.filename as string,
        threads: options.threads ?? 2,
        heapLimitMb: options.heapLimitMb,
        onError: (error) => options.onError?.(asError(error)),
      });
    this.threads = Math.max(1, options.threads ?? 2);
    const maxSize = options.partCacheBytes ?? 64 * 2 ** 20;
    this.parts =
      maxSize > 0
        ? new LRUCache<string, Uint8Array>({
            maxSize,
            sizeCalculation: (bytes) => Math.max(1, bytes.byteLength),
          })
        : null;
  }

  async render(request: RenderRequest): Promise<Uint8Array> {
    // A briefing note is its book part, marked: rendered once (or taken from the kept parts) and
    // stamped, so that a save's pre-render of the note also serves the series book, and back.
    const note = request.template === "briefing-note" && request.briefings.length === 1;
    if (!note && request.template !== "briefing-book") return this.run(request, "default");
    let prefetched: Map<string, Uint8Array> | undefined;
    if (note) {
      // A note whose part nobody kept: rendered and marked by one renderer in one trip (a second
      // trip could wake the other, idle, renderer for the markings), its part kept on the way
      // back. A part another process kept goes the usual way (partsOf, which forgets a damaged
      // one), without reading the store again.
      const key = partIdentity(request.briefings[0] as Briefing, request.paper);
      if (!this.parts?.has(key)) {
        prefetched = await this.stored([key]);
        if (prefetched.size === 0) {
          const out = await this.run<{ part: Uint8Array; pdf: Uint8Array }>({ request }, "note");
          this.partsRendered++;
          // Both arrive as views of one message's buffer: copies, so that neither the kept part
          // nor the cached PDF holds the other's bytes.
          await this.keep(new Map([[key, out.part.slice()]]));
          return out.pdf.slice();
        }
      }
    }
    // A book's cover and contents, rendered on a renderer the parts leave idle (frontAhead), for
    // the assembly to use if the parts number the contents as it was numbered.
    let front: Promise<RenderedFront | Error | null> | null = null;
    const whenLaneEnds = note
      ? undefined
      : (done: Map<string, Uint8Array>, keys: string[]) => {
          front ??= this.frontAhead(request, done, keys);
        };
    const { parts, stored } = await this.partsOf(request.briefings, request.paper, true, prefetched, whenLaneEnds);
    try {
      const ahead = await (front as Promise<RenderedFront | Error | null> | null);
      // Cover and contents that took too long would only take too long again in the book task.
      if (ahead instanceof Error) throw ahead;
      return await this.run({ request: forAssembly(request), parts, front: ahead ?? undefined }, "book");
    } catch (error) {
      // A render stopped for taking too long would only take too long again.
      if (stored.length === 0 || timedOut.has(error as object)) throw error;
      // A part from the store that could not be used (a damaged row): forgotten here and there,
      // rendered anew, once.
      for (const key of stored) this.parts?.delete(key);
      await this.options.partStore?.forget(stored).catch((e: unknown) => this.options.onError?.(asError(e)));
      const again = await this.partsOf(request.briefings, request.paper, false);
      return this.run({ request: forAssembly(request), parts: again.parts }, "book");
    }
  }

  /**
   * A book's cover and contents, rendered while its last record's part is: its contents need every
   * record's page count but the last one's (no entry starts after it). Null when a count is not
   * known yet (a part still rendering): not started. Resolves to null when the render failed or gave
   * back something else (the assembly then renders them), or to the error when it took too long;
   * it never rejects, so that nobody has to wait for it.
   */
  private frontAhead(request: RenderRequest, done: Map<string, Uint8Array>, keys: string[]): Promise<RenderedFront | Error | null> | null {
    const counts: number[] = [];
    for (const key of keys.slice(0, -1)) {
      const part = done.get(key);
      const count = part ? pageCountOf(part) : null;
      if (count === null) return null;
      counts.push(count);
    }
    this.frontsAhead++;
    return this.run<RenderedFront>({ request: forAssembly(request), counts }, "front").then(
      (out) => (out?.pdf instanceof Uint8Array && Array.isArray(out.pages) && typeof out.key === "string" ? out : null),
      (error: unknown) => (timedOut.has(error as object) ? (error as Error) : null),
    );
  }

  /** Forgets the kept book parts (the benchmark measures books rendered from nothing). */
  clearPartCache(): void {
    this.parts?.clear();
  }

  /** Renders and keeps one record's book part ahead of the book that will need it. */
  async warmPart(briefing: Briefing, paper: Paper): Promise<void> {
    await this.partsOf([briefing], paper, true);
  }

  /**
   * Each record's part: kept in this process, else kept in the part store (one lookup for all,
   * or `prefetched`: its answer already read), else rendered (side by side on the pool's
   * processes) and kept in both. `stored`: the keys of the parts that came from the store.
   * `whenLaneEnds`: called (not awaited) when a renderer runs out of parts while others still
   * render, unless a part failed, with the parts so far (a book starts its cover and contents).
   */
  private async partsOf(
    briefings: Briefing[],
    paper: Paper,
    useStore: boolean,
    prefetched?: Map<string, Uint8Array>,
    whenLaneEnds?: (done: Map<string, Uint8Array>, keys: string[]) => void,
  ): Promise<{ parts: Uint8Array[]; stored: string[] }> {
    const keys = briefings.map((b) => partIdentity(b, paper));
    const found = new Map<string, Uint8Array>();
    for (const key of keys) {
      const kept = this.parts?.get(key);
      if (kept) found.set(key, kept);
    }
    const missing = [...new Set(keys.filter((k) => !found.has(k)))];
    const stored: string[] = [];
    if (useStore && missing.length > 0) {
      for (const [key, bytes] of prefetched ?? (await this.stored(missing))) {
        found.set(key, bytes);
        stored.push(key);
        this.parts?.set(key, bytes);
      }
    }
    // The same record twice renders once.
    const queue = [...new Map(briefings.map((b, i) => [keys[i] as string, b])).entries()].filter(([key]) => !found.has(key));
    const rendered = new Map<string, Uint8Array>();
    // One lane per renderer, each taking a share of what is left: a renderer handed one part at a
    // time sat idle ~3 ms between parts (the answer's way back and the next part's way there);
    // in shares, books from nothing took ~0.95 of the time (decision 0009, item 26). Shares
    // shrink as the queue does, so that the renderers finish together, and stay small enough
    // (partsPerTask) not to hold up others' renders for long.
    // A lane for every renderer when there is anything to render (one with nothing to render
    // goes straight to whenLaneEnds).
    let running = queue.length > 0 ? this.threads : 0;
    let failed = false;
    const lane = async () => {
      try {
        await work();
      } finally {
        running--;
      }
      // Nothing left to hand out: this renderer is free while the other lanes finish theirs.
      if (whenLaneEnds && running > 0 && !failed) whenLaneEnds(found, keys);
    };
    const work = async () => {
      while (queue.length > 0) {
        const most = Math.max(1, this.options.partsPerTask ?? 4);
        const share = queue.splice(0, Math.min(most, Math.ceil(queue.length / (2 * this.threads))));
        let out: Uint8Array[];
        try {
          out = await this.run<Uint8Array[]>({ briefings: share.map(([, b]) => b), paper }, "parts", share.length);
          if (!Array.isArray(out) || out.length !== share.length || !out.every((p) => p instanceof Uint8Array))
            throw new AppError("RENDER_FAILED", "This PDF could not be produced: a renderer gave back something other than the parts it was asked for. Tell your administrator.");
        } catch (error) {
          queue.length = 0; // the book fails with this part: the other lanes take no more
          failed = true;
          throw error;
        }
        share.forEach(([key], i) => {
          // A copy: the share's parts arrive as views of one message's buffer, which a kept part
          // would otherwise hold whole.
          const bytes = (out[i] as Uint8Array).slice();
          this.partsRendered++;
          rendered.set(key, bytes);
          found.set(key, bytes);
          this.parts?.set(key, bytes);
        });
      }
    };
    await Promise.all(Array.from({ length: running }, lane));
    if (rendered.size > 0) await this.keep(rendered);
    return { parts: keys.map((key) => found.get(key) as Uint8Array), stored };
  }

  /** The parts the part store keeps under any of `keys` (none when it cannot be read: rendered instead). */
  private async stored(keys: string[]): Promise<Map<string, Uint8Array>> {
    const store = this.options.partStore;
    if (!store) return new Map();
    try {
      return await store.get(keys);
    } catch (error) {
      this.options.onError?.(asError(error));
      return new Map();
    }
  }

  /** Newly rendered parts, kept here and in the part store. */
  private async keep(rendered: Map<string, Uint8Array>): Promise<void> {
    for (const [key, bytes] of rendered) this.parts?.set(key, bytes);
    await this.options.partStore?.set(rendered).catch((error: unknown) => this.options.onError?.(asError(error)));
  }

  /** `renders`: how many renders the task holds (its time limit is that many times one's). */
  private async run<T = Uint8Array>(task: unknown, name: "default" | "parts" | "book" | "note" | "front", renders = 1): Promise<T> {
    const limitMs = this.options.timeoutMs * renders;
    try {
      const out = (await this.pool.run(task, { name, signal: AbortSignal.timeout(limitMs), renders })) as T;
      const before = this.renders;
      this.renders += renders;
      const every = this.options.recycleAfter;
      if (every > 0 && Math.floor(before / every) !== Math.floor(this.renders / every))
        void this.pool.recycleWorkers().catch(this.options.onError);
      return out;
    } catch (error) {
      // Its process is replaced (Tinypool ends one on abort or crash); other renders go on.
      this.options.onError?.(asError(error));
      if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
        const stopped = new AppError("RENDER_FAILED", `This PDF took longer than ${Math.round(limitMs / 1000)} s to produce and was stopped. Something in the record may be more than the PDF renderer can lay out; try the one-page summary, or tell your administrator.`);
        timedOut.add(stopped);
        throw stopped;
      }
      throw new AppError("RENDER_FAILED", "This PDF could not be produced: the renderer failed on something in the record. Other briefings are not affected; tell your administrator.");
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
