// Entry of the PDF worker threads (bundled to .next/pdf-worker/worker.mjs by
// scripts/build-pdf-worker.mjs). One render per call; fonts registered once per thread.
import { renderBookPart, renderPdf, type RenderRequest } from "@/lib/pdf/render";
import type { Briefing, Paper } from "@/lib/pdf/briefing";
import { warmUp } from "@/lib/pdf/warm-up";

await warmUp();

export default function render(request: RenderRequest): Promise<Uint8Array> {
  return renderPdf(request);
}

/** One record of a briefing book, unmarked. */
export function part({
  briefing,
  paper,
}: {
  briefing: Briefing;
  paper: Paper;
}): Promise<Uint8Array> {
  return renderBookPart(briefing, paper);
}

/** A briefing book from parts rendered by `part` (cover, contents, merge, markings), or a briefing note from its part (markings). */
export function book({
  request,
  parts,
}: {
  request: RenderRequest;
  parts: Uint8Array[];
}): Promise<Uint8Array> {
  return renderPdf(request, parts);
}
