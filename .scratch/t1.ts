import { performance } from "node:perf_hooks";
import { renderBookPart, renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing, warmUp } from "@/lib/pdf/warm-up";
await warmUp(40);
const book = Array.from({ length: 30 }, (_, i) => ({ ...sampleBriefing(), id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` } } }));
const req: RenderRequest = { template: "briefing-book", paper: "A4", briefings: book, book: { title: "Book", subtitle: "", reference: "R" } };
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const tp: number[] = [], ta: number[] = [];
for (let r = 0; r < 16; r++) {
  let t = performance.now();
  const parts = [];
  for (const b of book) parts.push(await renderBookPart(b, "A4"));
  tp.push(performance.now() - t);
  t = performance.now();
  await renderPdf(req, parts);
  ta.push(performance.now() - t);
}
console.log(tp.map(x=>x.toFixed(0)).join(","), ta.map(x=>x.toFixed(0)).join(","));
console.log("30 parts serial", med(tp).toFixed(0), "per part", (med(tp) / 30).toFixed(1), "assembly", med(ta).toFixed(0));
