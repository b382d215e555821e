import "server-only";
import { LRUCache } from "lru-cache";

/**
 * What a page read from the database, kept in this process and keyed by the PostgreSQL snapshot
 * the request started from (`pg_current_snapshot()` and the server's start time, read with the
 * signed-in user at no extra round trip; see decision 0012).
 *
 * A snapshot names exactly which transactions had committed: two requests with the same snapshot
 * see the same database. Any committed write anywhere changes it, so a cached value is never
 * older than what the request would have read itself (it was read after the snapshot was taken,
 * so at worst it includes a write that committed a moment later). No invalidation to get wrong,
 * nothing shared between processes. While writes come in, it simply misses. What depends on the
 * clock is the caller's to put in the key (the day, for "overdue"); a value lives a minute at most.
 * After a database outage everything kept is dropped: a server restored or failed over may hand
 * out snapshot numbers again.
 *
 * Values are shared between requests: callers must not change them.
 */
const cache = new LRUCache<string, { value: unknown }, () => Promise<unknown>>({
  max: Math.max(1, Number(process.env.READ_CACHE_ENTRIES ?? 500) || 500),
  ttl: 60_000,
  ttlAutopurge: true,
  // A read still running when its entry is evicted finishes for those waiting on it.
  ignoreFetchAbort: true,
  // Concurrent requests for the same key wait for one read instead of each making it.
  fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
});

const enabled = process.env.READ_CACHE !== "off";

// lib/db-status.ts calls this (through globalThis: it is also loaded by the request gate, outside the app's bundle) when the
// database is seen unreachable.
const CLEAR = Symbol.for("readout.clearReadCache");
(globalThis as { [CLEAR]?: () => void })[CLEAR] = () => cache.clear();

/** `load()`, or what it returned for the same `key` at the same database `snapshot`. */
export async function readThrough<T>(snapshot: string | null | undefined, key: readonly unknown[], load: () => Promise<T>): Promise<T> {
  if (!enabled || !snapshot) return load();
  const entry = await cache.fetch(JSON.stringify([snapshot, ...key]), { context: load });
  return (entry ? entry.value : await load()) as T;
}

/** Today's date (UTC), for keys of pages that compare with it. */
export const today = () => new Date().toISOString().slice(0, 10);
