import { performance } from "node:perf_hooks";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { renderBookPart } from "@/lib/pdf/render";
import * as neu from "@/lib/pdf/markings";
import { sampleBriefing, warmUp } from "@/lib/pdf/warm-up";
await warmUp(5);
const part = await renderBookPart(sampleBriefing(), "A4");
const m = { classification: "RESTRICTED", reference: "READOUT/2023/ABC", version: 3, draft: true };
const t = performance.now();
for (let r = 0; r < 2000; r++) {
  const d = await PDFDocument.load(part, { parseSpeed: ParseSpeeds.Fastest });
  await neu.stampMarkings(d, m);
  await neu.finalize(d, { title: "x", date: new Date(0), idSeed: "x" });
}
console.log((performance.now() - t) / 2000);
