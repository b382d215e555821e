import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { PdfPool } from "@/lib/pdf/pdf-pool";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import { pdfPages } from "@/lib/testing/pdf-text";

// The pool runs the worker bundle the server runs; built here as `npm run build` builds it.
const worker = path.resolve(".next/pdf-worker/worker.mjs");
let pool: PdfPool;

const rounds = [1, 2, 3].map((n) => {
  const b = sampleBriefing();
  return {
    ...b,
    id: `00000000-0000-4000-9000-00000000000${n}`,
    data: { ...b.data, facts: { ...b.data.facts, title: `Pool round ${n}` } },
  };
});
const book: RenderRequest = {
  template: "briefing-book",
  paper: "A4",
  briefings: rounds,
  book: { title: "Pool book", subtitle: "3 rounds", reference: "READOUT/BOOK/POOL" },
};

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build-pdf-worker.mjs"], { stdio: "ignore" });
  pool = new PdfPool({ filename: worker, threads: 2, timeoutMs: 60_000, recycleAfter: 100 });
}, 60_000);
afterAll(() => pool.destroy());

describe("the PDF pool", () => {
  it("renders a briefing book from parts rendered side by side, byte for byte as one process does", async () => {
    const [pooled, single] = await Promise.all([pool.render(book), renderPdf(book)]);
    expect(Buffer.from(pooled).equals(Buffer.from(single))).toBe(true);
    const pages = await pdfPages(pooled);
    const last = pages.length;
    expect(pages.every((p, i) => p.text.includes(`Page ${i + 1} of ${last}`))).toBe(true);
    expect(pages.map((p) => p.text).join("\n")).toContain("Pool round 3");
  }, 120_000);

  it("reuses a kept part only while the record prints the same, and a changed record renders anew", async () => {
    const first = await pool.render(book);
    const again = await pool.render(book);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    const changed: RenderRequest = {
      ...book,
      briefings: rounds.map((b, i) =>
        i === 1
          ? {
              ...b,
              data: { ...b.data, facts: { ...b.data.facts, title: "Pool round 2, renamed" } },
            }
          : b,
      ),
    };
    const text = (await pdfPages(await pool.render(changed))).map((p) => p.text).join("\n");
    expect(text).toContain("Pool round 2, renamed");
    expect(text).not.toMatch(/Pool round 2(?!, renamed)/);
  }, 120_000);

  it("renders a briefing note through a worker thread from the record's book part, byte for byte as one process does", async () => {
    const req: RenderRequest = { template: "briefing-note", paper: "LETTER", briefings: [sampleBriefing()] };
    pool.clearPartCache();
    const fresh = await pool.render(req);
    const doc = await PDFDocument.load(fresh);
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
    expect(Buffer.from(fresh).equals(Buffer.from(await renderPdf(req)))).toBe(true);
    // Again, from the kept part (as after a save's pre-render): the same bytes.
    expect(Buffer.from(await pool.render(req)).equals(Buffer.from(fresh))).toBe(true);
  }, 60_000);

  describe("a poisoned record (a render that hangs or crashes)", () => {
    // Real input that is too much: a record with thousands of outcomes (hundreds of pages).
    const poisoned: RenderRequest = {
      template: "briefing-note",
      paper: "A4",
      briefings: [
        (() => {
          const b = sampleBriefing();
          const outcome = b.data.outcomes[0]!;
          const outcomes = Array.from({ length: 8000 }, (_, i) => ({ ...outcome, id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, text: `Outcome ${i + 1}: ${"a long clause of the agreement ".repeat(6)}` }));
          return { ...b, data: { ...b.data, outcomes } };
        })(),
      ],
    };
    const note: RenderRequest = { template: "briefing-note", paper: "A4", briefings: [sampleBriefing()] };
    const isPdf = (bytes: Uint8Array) => expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");

    it("one that runs past the timeout fails alone, with a clear error; other renders go on meanwhile and after", async () => {
      const errors: unknown[] = [];
      const slow = new PdfPool({ filename: worker, threads: 2, timeoutMs: 4_000, recycleAfter: 1000, onError: (e) => errors.push(e) });
      try {
        isPdf(await slow.render(note)); // a warm thread
        const started = Date.now();
        const [hung, meanwhile] = await Promise.allSettled([slow.render(poisoned), slow.render(note)]);
        expect(hung.status).toBe("rejected");
        expect((hung as PromiseRejectedResult).reason).toMatchObject({ code: "RENDER_FAILED", message: expect.stringMatching(/took longer than 4 s/) });
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(meanwhile.status).toBe("fulfilled");
        isPdf(await slow.render(note));
        expect(errors).toHaveLength(1);
      } finally {
        await slow.destroy();
      }
    }, 60_000);

    it("one that blows its thread's memory fails alone; the thread is replaced and the next render works", async () => {
      const small = new PdfPool({ filename: worker, threads: 1, timeoutMs: 60_000, recycleAfter: 1000, heapLimitMb: 48 });
      try {
        const crashed = await small.render(poisoned).then(
          () => null,
          (e: unknown) => e,
        );
        expect(crashed).toMatchObject({ code: "RENDER_FAILED", message: expect.stringMatching(/could not be produced/) });
        isPdf(await small.render(note));
      } finally {
        await small.destroy();
      }
    }, 120_000);
  });
});
