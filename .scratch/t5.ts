import { performance } from "node:perf_hooks";
import { deflateSync } from "node:zlib";
import { createRequire } from "node:module";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { renderBookPart, renderPdf } from "@/lib/pdf/render";
import * as neu from "@/lib/pdf/markings";
import { sampleBriefing, warmUp } from "@/lib/pdf/warm-up";
const pako = createRequire(new URL("../node_modules/pdf-lib/package.json", import.meta.url))("pako");
const orig = pako.deflate;
const level = Number(process.env.LEVEL ?? 6);
const native = (d: Uint8Array) => deflateSync(d, { level });
await warmUp(5);
const book = Array.from({ length: 30 }, (_, i) => ({ ...sampleBriefing(), id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` } } }));
const parts = await Promise.all(book.map((b) => renderBookPart(b, "A4")));
const part = parts[0]!;
const m = { classification: "RESTRICTED", reference: "READOUT/2023/ABC", version: 3, draft: true };
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const res: Record<string, number[]> = {};
for (let r = 0; r < 40; r++) {
  for (const mode of r % 2 ? ["pako", "zlib"] : ["zlib", "pako"]) {
    pako.deflate = mode === "pako" ? orig : native;
    let t = performance.now();
    for (let i = 0; i < 10; i++) { const d = await PDFDocument.load(part, { parseSpeed: ParseSpeeds.Fastest }); await neu.stampMarkings(d, m); await neu.finalize(d, { title: "x", date: new Date(0), idSeed: "x" }); }
    (res[`${mode} note x10`] ??= []).push(performance.now() - t);
    t = performance.now();
    const out = await renderPdf({ template: "briefing-book", paper: "A4", briefings: book, book: { title: "Book", subtitle: "", reference: "R" } }, parts);
    (res[`${mode} book assembly`] ??= []).push(performance.now() - t);
    if (r < 2) console.log(mode, out.length);
  }
}
for (const [k, v] of Object.entries(res)) console.log(k, med(v.slice(4)).toFixed(2));
