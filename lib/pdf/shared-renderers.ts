// One set of renderer processes for all of the server's processes (scripts/serve.mjs). Each server
// process used to start its own (the CPUs split between them: one each on two cores), so a
// briefing book's records were rendered one after another on that one renderer while the other
// process's sat idle. The cluster primary now owns the renderers (one per CPU) and runs the renders
// its server processes ask for over the cluster's channel; any render may use any renderer.
import type { Worker } from "node:cluster";
import type { Renderers } from "@/lib/pdf/renderers";

type Ask = { readoutPdf: "run"; id: number; task: unknown; name: string; renders?: number } | { readoutPdf: "abort"; id: number };
type Answer =
  | { readoutPdf: "done"; id: number; result: unknown }
  | { readoutPdf: "failed"; id: number; error: { name?: string; message?: string; stack?: string } };

const isAsk = (m: unknown): m is Ask =>
  typeof m === "object" && m !== null && ((m as Ask).readoutPdf === "run" || (m as Ask).readoutPdf === "abort") && typeof (m as Ask).id === "number";
const isAnswer = (m: unknown): m is Answer =>
  typeof m === "object" && m !== null && ((m as Answer).readoutPdf === "done" || (m as Answer).readoutPdf === "failed") && typeof (m as Answer).id === "number";

/** An error as plain fields, for the channel (its class does not survive it). */
function plain(error: unknown): { name?: string; message?: string; stack?: string } {
  const e = (typeof error === "object" && error !== null ? error : { message: String(error) }) as Record<string, unknown>;
  const field = (k: string) => (typeof e[k] === "string" ? (e[k] as string) : undefined);
  return { name: field("name"), message: field("message"), stack: field("stack") };
}

/**
 * The primary's side: returns the function that serves one server process (a cluster worker) from
 * `renderers`, to call for each worker forked. The renderers are replaced every `recycleAfter`
 * renders, counted over all server processes. A server process stops its renders when they take
 * longer than its timeout; `timeoutMs` (the same setting) is the primary's backstop, and the
 * renders of a server process that ended are stopped (nobody would stop them otherwise).
 */
export function shareRenderers(
  renderers: Renderers,
  { recycleAfter, timeoutMs, onError }: { recycleAfter: number; timeoutMs: number; onError: (error: unknown) => void },
) {
  let renders = 0;
  return (worker: Worker) => {
    const running = new Map<number, AbortController>();
    worker.on("exit", () => {
      for (const controller of running.values()) controller.abort();
    });
    const answer = (message: Answer) => {
      // A server process that ended meanwhile (replaced after a crash) has nobody to answer.
      if (worker.isConnected()) worker.send(message, (error: Error | null) => error && onError(error));
    };
    worker.on("message", (message: unknown) => {
      if (!isAsk(message)) return;
      if (message.readoutPdf === "abort") return void running.get(message.id)?.abort();
      const controller = new AbortController();
      running.set(message.id, controller);
      // Later than the server process's own timeout (one render's, times the renders the task
      // holds), which normally stops it first.
      const count = typeof message.renders === "number" && message.renders >= 1 ? Math.floor(message.renders) : 1;
      const backstop = setTimeout(() => controller.abort(), timeoutMs * count + 5_000);
      renderers
        .run(message.task, { name: message.name, signal: controller.signal })
        .then(
          (result) => answer({ readoutPdf: "done", id: message.id, result }),
          (error: unknown) => answer({ readoutPdf: "failed", id: message.id, error: plain(error) }),
        )
        .finally(() => {
          clearTimeout(backstop);
          running.delete(message.id);
          const before = renders;
          renders += count;
          if (recycleAfter > 0 && Math.floor(before / recycleAfter) !== Math.floor(renders / recycleAfter))
            renderers.recycleWorkers().catch(onError);
        });
    });
  };
}

/**
 * A server process's side (it runs under scripts/serve.mjs's cluster): renders run on the
 * primary's renderers. The primary recycles them; they end with it.
 */
export class ClusterRenderers implements Renderers {
  private last = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();

  constructor() {
    if (!process.send) throw new Error("ClusterRenderers: this process has no channel to a cluster primary");
    process.on("message", (message: unknown) => {
      if (!isAnswer(message)) return;
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.readoutPdf === "done") waiter?.resolve(message.result);
      else waiter?.reject(message.error); // a plain object, as Tinypool's child processes give: PdfPool makes it an Error
    });
  }

  run(task: unknown, { name, signal, renders }: { name: string; signal: AbortSignal; renders?: number }): Promise<unknown> {
    const id = ++this.last;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      // Stopped (the render's timeout): given up here at once, and the primary stops the render,
      // which replaces the renderer that ran it (as Tinypool does for its own processes).
      const stop = () => {
        this.waiting.delete(id);
        process.send?.({ readoutPdf: "abort", id } satisfies Ask);
        reject(signal.reason);
      };
      signal.addEventListener("abort", stop, { once: true });
      this.waiting.set(id, {
        resolve: (value) => {
          signal.removeEventListener("abort", stop);
          resolve(value);
        },
        reject: (error) => {
          signal.removeEventListener("abort", stop);
          reject(error);
        },
      });
      process.send?.({ readoutPdf: "run", id, task, name, renders } satisfies Ask);
    });
  }

  /** The primary recycles the renderers (shareRenderers). */
  recycleWorkers(): Promise<void> {
    return Promise.resolve();
  }

  /** The renderers are the primary's: they end with it. */
  destroy(): Promise<void> {
    return Promise.resolve();
  }
}
