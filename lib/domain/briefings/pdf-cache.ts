import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { PartStore } from "@/lib/pdf/pdf-pool";

/** Total size of the unpinned PDFs kept in the shared cache; the least recently used go first. */
const CACHE_BYTES = Number(process.env.PDF_CACHE_MB ?? 512) * 2 ** 20;
/** A hit refreshes its row's last use at most this often (a write per download would cost more). */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

/**
 * The most recently served PDFs, also kept in this process's memory: a key names its bytes for
 * good (it hashes everything printed and the renderer's version), so a kept copy never goes
 * stale, and a repeat download needs neither the database row nor its decoding.
 */
const memory = new LRUCache<string, { bytes: Uint8Array; touchedAt: number }>({
  maxSize: Math.max(1, Number(process.env.PDF_MEMORY_CACHE_MB ?? 64)) * 2 ** 20,
  sizeCalculation: (entry) => Math.max(1, entry.bytes.byteLength),
});

/** Moves the rows' last use to now, in the background (eviction spares what is read). */
function touch(keys: string[]) {
  void prisma.pdfCache
    .updateMany({ where: { key: { in: keys } }, data: { lastUsedAt: new Date() } })
    .catch((e: unknown) => logger.warn({ err: String(e) }, "PDF cache touch failed"));
}

/**
 * The PDF stored under `key` in the shared cache, or `render()`'s result, stored for the next
 * request (a concurrent render of the same key keeps the first row: the bytes are identical).
 * `pinned`: an approved version's PDF, never evicted, so it never changes.
 */
export async function cachedPdf(
  key: string,
  template: string,
  render: () => Promise<Uint8Array>,
  options: { pinned?: boolean } = {},
): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const kept = memory.get(key);
  if (kept) {
    // The shared row's last use still moves, so that eviction spares what is read here.
    if (Date.now() - kept.touchedAt > TOUCH_AFTER_MS) {
      kept.touchedAt = Date.now();
      touch([key]);
    }
    return { bytes: kept.bytes, cached: true };
  }
  const hit = await prisma.pdfCache.findUnique({
    where: { key },
    select: { bytes: true, lastUsedAt: true },
  });
  if (hit) {
    if (Date.now() - hit.lastUsedAt.getTime() > TOUCH_AFTER_MS) touch([key]);
    memory.set(key, { bytes: hit.bytes, touchedAt: Date.now() });
    return { bytes: hit.bytes, cached: true };
  }
  const bytes = await render();
  await prisma.pdfCache.createMany({
    data: [
      {
        key,
        bytes: Buffer.from(bytes),
        size: bytes.length,
        template,
        pinned: options.pinned ?? false,
      },
    ],
    skipDuplicates: true,
  });
  await evictPdfCache(CACHE_BYTES);
  memory.set(key, { bytes, touchedAt: Date.now() });
  return { bytes, cached: false };
}

/** Deletes the least recently used unpinned PDFs beyond `budgetBytes` in all. Returns how many. */
export async function evictPdfCache(budgetBytes: number): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "PdfCache" WHERE key IN (
      SELECT key FROM (
        SELECT key, sum(size) OVER (ORDER BY "lastUsedAt" DESC, key) AS kept FROM "PdfCache" WHERE NOT pinned
      ) ranked WHERE kept > ${budgetBytes}
    )`;
}

/** A book part's row key (the table's keys are 64 hex digits; a part's identity is a hash too). */
const partRowKey = (identity: string) =>
  createHash("sha256").update(`book-part\u0000${identity}`).digest("hex");

/**
 * Rendered book parts (lib/pdf/pdf-pool.ts) in the same table, so that every server process, and
 * the server after a restart, assembles a book from the parts a save pre-rendered anywhere. A
 * part's identity hashes everything it prints, so a kept part is never stale; it is evicted with
 * the other unpinned PDFs, least recently used first.
 */
export const partStore: PartStore = {
  async get(identities) {
    const byRow = new Map(identities.map((identity) => [partRowKey(identity), identity]));
    const rows = await prisma.pdfCache.findMany({
      where: { key: { in: [...byRow.keys()] } },
      select: { key: true, bytes: true, lastUsedAt: true },
    });
    const stale = rows.filter((r) => Date.now() - r.lastUsedAt.getTime() > TOUCH_AFTER_MS);
    if (stale.length > 0) touch(stale.map((r) => r.key));
    return new Map(rows.map((r) => [byRow.get(r.key) as string, r.bytes]));
  },
  async set(parts) {
    await prisma.pdfCache.createMany({
      data: [...parts].map(([identity, bytes]) => ({
        key: partRowKey(identity),
        bytes: Buffer.from(bytes),
        size: bytes.length,
        template: "book-part",
      })),
      skipDuplicates: true,
    });
    await evictPdfCache(CACHE_BYTES);
  },
  async forget(identities) {
    await prisma.pdfCache.deleteMany({ where: { key: { in: identities.map(partRowKey) } } });
  },
};
