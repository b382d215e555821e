// Entry of the PDF worker threads (bundled to .next/pdf-worker/worker.mjs by
// scripts/build-pdf-worker.mjs). One render per call; fonts registered once per thread.
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { warmUp } from "@/lib/pdf/warm-up";

await warmUp();

export default function render(request: RenderRequest): Promise<Uint8Array> {
  return renderPdf(request);
}
