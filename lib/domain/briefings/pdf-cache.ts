import "server-only";
import { prisma } from "@/lib/db";

/**
 * The PDF stored under `key` in the shared cache, or `render()`'s result, stored for the next
 * request (a concurrent render of the same key keeps the first row: the bytes are identical).
 */
export async function cachedPdf(key: string, template: string, render: () => Promise<Uint8Array>): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const hit = await prisma.pdfCache.findUnique({ where: { key }, select: { bytes: true } });
  if (hit) return { bytes: hit.bytes, cached: true };
  const bytes = await render();
  await prisma.pdfCache.createMany({ data: [{ key, bytes: Buffer.from(bytes), size: bytes.length, template }], skipDuplicates: true });
  return { bytes, cached: false };
}
