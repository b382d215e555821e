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

/** The first render in a process costs ~1.7 s (font parsing, JIT): pay it before a user waits. */
export async function warmUp(): Promise<void> {
  await renderPdf({ template: "briefing-note", paper: "A4", briefings: [sampleBriefing()] });
}
