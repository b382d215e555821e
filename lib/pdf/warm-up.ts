import { DEMO_ROUND_5, DEMO_ROUND_5_ID } from "@/lib/demo/demo-records";
import { renderPdf } from "@/lib/pdf/render";
import type { Briefing } from "@/lib/pdf/briefing";

/** A sample briefing (the demo record), used to warm a renderer up and by the benchmark. */
export function sampleBriefing(): Briefing {
  return {
    id: DEMO_ROUND_5_ID,
    reference: "READOUT/2023/00000000",
    version: 1,
    status: "DRAFT",
    approved: false,
    approvedBy: null,
    approvedAt: null,
    seriesName: "Pakistan–Russia Bilateral Political Consultations",
    homeCountryName: "Pakistan",
    counterpartNames: "Russian Federation",
    venueCountryName: "Pakistan",
    nextRoundCountryName: "Russian Federation",
    data: DEMO_ROUND_5,
    earlierOpen: [],
    history: {},
    updatedAt: "2023-06-21T10:00:00.000Z",
  };
}

/**
 * The first render in a process costs ~1.7 s (font parsing, compiling): pay it before a user waits.
 * V8 then needs a few dozen renders more before its optimising compiler has caught up with the
 * layout code (a note renders in ~90 ms after one render, ~40 ms after fifty): `renders` of them.
 */
export async function warmUp(renders = 1, from = 0): Promise<void> {
  const briefing = sampleBriefing();
  for (let i = from; i < from + renders; i++) {
    await renderPdf({
      template: i % 10 === 9 ? "one-page" : "briefing-note",
      paper: i % 2 === 0 ? "A4" : "LETTER",
      // A title of its own each time: no two warm-up renders are the same document.
      briefings: [{ ...briefing, data: { ...briefing.data, facts: { ...briefing.data.facts, title: `${briefing.data.facts.title} ${i}` } } }],
    });
  }
}
