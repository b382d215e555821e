import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { cachedPdf, evictPdfCache, partStore } from "@/lib/domain/briefings/pdf-cache";
import { PdfPool } from "@/lib/pdf/pdf-pool";
import { partIdentity, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";

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

  it("keeps rendered book parts for every server process: another pool (process, or the server after a restart) renders none again", async () => {
    const run = randomBytes(4).toString("hex"); // parts of earlier runs on this database do not count
    const rounds = [1, 2, 3].map((n) => {
      const b = sampleBriefing();
      return { ...b, id: `00000000-0000-4000-9000-00000000000${n}`, data: { ...b.data, facts: { ...b.data.facts, title: `Kept part ${n} ${run}` } } };
    });
    const book = (briefings: typeof rounds): RenderRequest => ({
      template: "briefing-book",
      paper: "A4",
      briefings,
      book: { title: "Kept parts", subtitle: run, reference: "READOUT/BOOK/KEPT" },
    });
    const newPool = () => new PdfPool({ filename: path.resolve(".next/pdf-worker/worker.mjs"), threads: 1, timeoutMs: 60_000, recycleAfter: 1000, partStore });
    const [first, second, third] = [newPool(), newPool(), newPool()];
    try {
      const rendered = await first.render(book(rounds));
      expect(first.partsRendered).toBe(3);
      const stored = await partStore.get(rounds.map((b) => partIdentity(b, "A4")));
      expect(stored.size).toBe(3);

      // A pool with nothing in memory (another process) assembles the same book from the stored parts.
      const again = await second.render(book(rounds));
      expect(second.partsRendered).toBe(0);
      expect(Buffer.from(again).equals(Buffer.from(rendered))).toBe(true);
      // …and a record's briefing note from its stored part (nothing kept in this process's memory).
      second.clearPartCache();
      await second.render({ template: "briefing-note", paper: "A4", briefings: [rounds[1]!] });
      expect(second.partsRendered).toBe(0);

      // A record that changed prints differently: only its part is rendered anew.
      const changed = rounds.map((b, i) => (i === 2 ? { ...b, data: { ...b.data, facts: { ...b.data.facts, title: `Kept part 3 renamed ${run}` } } } : b));
      await third.render(book(changed));
      expect(third.partsRendered).toBe(1);
    } finally {
      await Promise.all([first.destroy(), second.destroy(), third.destroy()]);
    }
  }, 120_000);
});
