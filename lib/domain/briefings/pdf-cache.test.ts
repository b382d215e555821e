import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { cachedPdf, evictPdfCache } from "@/lib/domain/briefings/pdf-cache";

const key = () => randomBytes(32).toString("hex");
const KB100 = 100 * 1024;

describe("the shared PDF cache", () => {
  it("renders once, then serves the stored bytes", async () => {
    const k = key();
    let renders = 0;
    const render = async () => {
      renders++;
      return new Uint8Array([37, 80, 68, 70, renders]);
    };
    const first = await cachedPdf(k, "briefing-note", render);
    const second = await cachedPdf(k, "briefing-note", render);
    expect([first.cached, second.cached, renders]).toEqual([false, true, 1]);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it("keeps what it served in memory too: a repeat reads no row (a key's bytes never change)", async () => {
    const k = key();
    let renders = 0;
    const render = async () => {
      renders++;
      return new Uint8Array([37, 80, 68, 70, renders]);
    };
    await cachedPdf(k, "briefing-note", render);
    // The shared row goes (another process evicted it); this process still has the bytes.
    await prisma.pdfCache.delete({ where: { key: k } });
    const again = await cachedPdf(k, "briefing-note", render);
    expect([again.cached, renders, Array.from(again.bytes)]).toEqual([true, 1, [37, 80, 68, 70, 1]]);
  });

  it("evicts the least recently used PDFs beyond its budget, never a pinned (approved) one", async () => {
    // Older than anything other tests store, and larger, so that only these go.
    const oldest = { key: key(), lastUsedAt: new Date("1970-01-01T00:00:00Z") };
    const older = { key: key(), lastUsedAt: new Date("1970-01-02T00:00:00Z") };
    const pinned = { key: key(), lastUsedAt: new Date("1969-12-31T00:00:00Z"), pinned: true };
    const recent = { key: key(), lastUsedAt: new Date() };
    for (const row of [oldest, older, pinned, recent]) {
      await prisma.pdfCache.create({ data: { ...row, bytes: Buffer.alloc(KB100), size: KB100, template: "briefing-note" } });
    }
    const total = await prisma.pdfCache.aggregate({ where: { pinned: false }, _sum: { size: true } });
    const deleted = await evictPdfCache((total._sum.size ?? 0) - 2 * KB100);
    expect(deleted).toBeGreaterThanOrEqual(2);
    const left = await prisma.pdfCache.findMany({ where: { key: { in: [oldest.key, older.key, pinned.key, recent.key] } }, select: { key: true } });
    expect(left.map((r) => r.key).sort()).toEqual([pinned.key, recent.key].sort());
  });
});
