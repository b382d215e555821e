// Entry of the PDF renderer processes (bundled to .next/pdf-worker/worker.mjs by
// scripts/build-pdf-worker.mjs). One render per call; fonts registered once per process.
import { renderBookFront, renderBookPart, renderPdf, type RenderedFront, type RenderRequest } from "@/lib/pdf/render";
import type { Briefing, Paper } from "@/lib/pdf/briefing";
import { warmUp } from "@/lib/pdf/warm-up";
import { lowerPriority, rendererNice } from "@/lib/pdf/priority";

/** Renders of the sample record after the first, for V8's optimising compiler (warm-up.ts). */
const WARM_UP_RENDERS = Number(process.env.PDF_WARM_UP_RENDERS ?? 40);
// A renderer ends with the process that started it (scripts/serve.mjs's primary, or a lone server
// process): the channel closes when that process goes.
process.on("disconnect", () => process.exit(0));
// Ctrl-C reaches the terminal's whole process group, renderers included. The server ends its
// renderers itself once the requests under way are answered (scripts/serve.mjs), so that a
// render those requests wait for is not cut.
process.on("SIGINT", () => {});
// SIGTERM to the whole process group (systemd's stop; `kill -TERM -- -<group>`) reaches the
// renderers with the server: the renders under way are finished first, for the same reason, and
// the renderer then ends. Tinypool also ends a renderer with SIGTERM: idle, it ends at once; in a
// render it gave up on (a timeout), Tinypool's SIGKILL follows a second later.
let busy = 0;
let ending = false;
process.on("SIGTERM", () => {
  ending = true;
  endIfIdle();
});
function endIfIdle(): void {
  if (!ending || busy > 0) return;
  // After the last render's answer has gone out (sent once its promise settles): closing the
  // channel ends the process (above).
  setTimeout(() => {
    if (busy > 0) return; // a render began meanwhile: its end calls this again
    if (process.connected) process.disconnect();
    else process.exit(0);
  }, 50);
}
// Renderers yield the CPU to the server processes, so that pages stay quick while PDFs render
// (the pre-renders after every save among them): nice 10 unless PDF_RENDERER_NICE says otherwise.
lowerPriority(rendererNice());

let rendered = 1; // renders of any kind so far, the first warm-up render included
let warming: Promise<void> = warmUp(1);
await warming;
// The rest one at a time, only while nobody waits: a render asked for meanwhile waits for the
// warm-up render under way (~50 ms) and goes first; the two never interleave. Users' renders
// count: a process that is busy from the start warms up on them.
void (async () => {
  while (rendered < WARM_UP_RENDERS) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (busy > 0 || rendered >= WARM_UP_RENDERS) continue;
    warming = warmUp(1, rendered++).catch(() => undefined); // a failure shows in real renders
    await warming;
  }
})();

async function counted<T>(render: () => Promise<T>): Promise<T> {
  busy++;
  try {
    await warming;
    return await render();
  } finally {
    busy--;
    rendered++;
    endIfIdle();
  }
}

export default function render(request: RenderRequest): Promise<Uint8Array> {
  return counted(() => renderPdf(request));
}

/**
 * Records of a briefing book, each its part (unmarked), one after the other: the pool hands a
 * renderer several at a time, so that it goes from one to the next without a round trip.
 */
export async function parts({ briefings, paper }: { briefings: Briefing[]; paper: Paper }): Promise<Uint8Array[]> {
  // Busy for the whole share, so that a SIGTERM meanwhile ends the renderer after the last part,
  // not between two.
  busy++;
  try {
    const out: Uint8Array[] = [];
    for (const briefing of briefings) out.push(await counted(() => renderBookPart(briefing, paper)));
    return out;
  } finally {
    busy--;
    endIfIdle();
  }
}

/** A briefing note from nothing: its part (kept by the pool) and the note, in one trip. */
export function note({ request }: { request: RenderRequest }): Promise<{ part: Uint8Array; pdf: Uint8Array }> {
  let part: Uint8Array = new Uint8Array();
  return counted(async () => {
    part = await renderBookPart(request.briefings[0] as Briefing, request.paper);
    return renderPdf(request, [part]);
  }).then((pdf) => ({ part, pdf }));
}

/** A briefing book's cover and contents, from its records' page counts (all but the last record's). */
export function front({ request, counts }: { request: RenderRequest; counts: number[] }): Promise<RenderedFront> {
  return counted(() => renderBookFront(request, counts));
}

/**
 * A briefing book from parts rendered by `parts` (cover, contents, merge, markings), its cover and
 * contents rendered by `front` if given, or a briefing note from its part (markings).
 */
export function book({
  request,
  parts,
  front,
}: {
  request: RenderRequest;
  parts: Uint8Array[];
  front?: RenderedFront;
}): Promise<Uint8Array> {
  return counted(() => renderPdf(request, parts, front));
}
