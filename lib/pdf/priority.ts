import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The renderers' nice value: PDF_RENDERER_NICE, 0–19 (0: as the server); 10 when unset or not a number. */
export function rendererNice(value = process.env.PDF_RENDERER_NICE): number {
  const n = value === undefined || value.trim() === "" ? 10 : Number(value);
  return Number.isFinite(n) ? Math.min(19, Math.max(0, Math.trunc(n))) : 10;
}

/**
 * Lowers this process's CPU priority to `nice`, never raising it. On Linux a nice value belongs
 * to a thread, and V8's helper threads (garbage collection, compilers) start before any of our
 * code: each is lowered; threads started later inherit the value.
 */
export function lowerPriority(nice: number): void {
  if (nice <= getPriority()) return;
  let threads = [0]; // 0: the calling thread (elsewhere than Linux, the process)
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    // Not Linux.
  }
  for (const tid of threads) {
    try {
      if (getPriority(tid) < nice) setPriority(tid, nice);
    } catch {
      // The thread ended meanwhile, or the platform has no priorities: it renders at the server's.
    }
  }
}
