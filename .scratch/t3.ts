import { performance } from "node:perf_hooks";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { renderBookPart, renderPdf, type RenderRequest } from "@/lib/pdf/render";
import * as neu from "@/lib/pdf/markings";
import * as old from "./old-markings";
import { sampleBriefing, warmUp } from "@/lib/pdf/warm-up";
await warmUp(5);
const book = Array.from({ length: 30 }, (_, i) => ({ ...sampleBriefing(), id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` } } }));
const bookBytes = await renderPdf({ template: "briefing-book", paper: "A4", briefings: book, book: { title: "Book", subtitle: "", reference: "R" } });
const part = await renderBookPart(sampleBriefing(), "A4");
const m = { classification: "RESTRICTED", reference: "READOUT/2023/ABC", version: 3, draft: true };
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const res: Record<string, number[]> = {};
for (let r = 0; r < 60; r++) {
  for (const [name, lib] of (r % 2 ? [["old", old], ["new", neu]] : [["new", neu], ["old", old]]) as [string, typeof neu][]) {
    for (const [doc, bytes] of [["note", part], ["book", bookBytes]] as const) {
      const d = await PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest });
      const t = performance.now();
      await lib.stampMarkings(d, m);
      const out = await lib.finalize(d, { title: "x", date: new Date(0), idSeed: "x" });
      (res[`${name} ${doc}`] ??= []).push(performance.now() - t);
      if (r === 0) console.log(name, doc, out.length);
    }
  }
}
for (const [k, v] of Object.entries(res)) console.log(k, med(v.slice(10)).toFixed(2));
