import "server-only";
import { LRUCache } from "lru-cache";

/**
 * What a page read from the database, kept in this process and keyed by the PostgreSQL snapshot
 * the request started from (`pg_current_snapshot()`, read with the signed-in user at no extra
 * round trip; see decision 0012).
 *
 * A snapshot names exactly which transactions had committed: two requests with the same snapshot
 * see the same database. Any committed write anywhere changes it, so a cached value can never be
 * older than what the request would have read itself; the value was read after the snapshot was
 * taken, so at worst it includes a write that committed a moment later. No invalidation to get
 * wrong, nothing shared between processes. While writes come in, it simply misses.
 *
 * Values are shared between requests: callers must not change them.
 */
const cache = new LRUCache<string, { value: unknown }, () => Promise<unknown>>({
  max: Math.max(1, Number(process.env.READ_CACHE_ENTRIES ?? 500) || 500),
  // Pages compare with "today" and "30 days ago": a kept value is at most a minute behind the clock.
  ttl: 60_000,
  ttlAutopurge: true,
  // Concurrent requests for the same key wait for one read instead of each making it.
  fetchMethod: async (_key, _stale, { context }) => ({ value: await context() }),
});

const enabled = process.env.READ_CACHE !== "off";

/** `load()`, or what it returned for the same `key` at the same database `snapshot`. */
export async function readThrough<T>(snapshot: string | null | undefined, key: readonly unknown[], load: () => Promise<T>): Promise<T> {
  if (!enabled || !snapshot) return load();
  const entry = await cache.fetch(JSON.stringify([snapshot, ...key]), { context: load });
  return entry!.value as T;
}
