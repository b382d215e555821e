import { performance } from "node:perf_hooks";
import { createElement } from "react";
import { renderToBuffer } from "@react-pdf/renderer";
import { PDFDocument } from "pdf-lib";
import { registerFonts } from "@/lib/pdf/fonts";
import { finalize, stampMarkings } from "@/lib/pdf/markings";
import { BriefingNote } from "@/lib/pdf/templates/briefing-note";
import { sampleBriefing } from "@/lib/pdf/warm-up";
registerFonts();
const b = sampleBriefing();
const t = { render: [] as number[], load: [] as number[], stamp: [] as number[], save: [] as number[] };
for (let i = 0; i < 25; i++) {
  let t0 = performance.now();
  const bytes = await renderToBuffer(createElement(BriefingNote, { b, paper: "A4" }) as never);
  const t1 = performance.now();
  const doc = await PDFDocument.load(bytes);
  const t2 = performance.now();
  await stampMarkings(doc, { classification: "RESTRICTED", reference: "X", version: 1, draft: true });
  const t3 = performance.now();
  await finalize(doc, { title: "x", date: new Date(0), idSeed: "x" });
  const t4 = performance.now();
  if (i >= 5) { t.render.push(t1 - t0); t.load.push(t2 - t1); t.stamp.push(t3 - t2); t.save.push(t4 - t3); }
  t0 = 0;
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]?.toFixed(1);
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, med(v)])));
