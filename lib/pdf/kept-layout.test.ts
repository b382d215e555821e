// react-pdf's layout as patched keeps, after pagination, the first pass's layout of every fragment
// placed whole on a page, where upstream lays each page out again in full (decision 0009 item 25).
// That is not exact for every document, so a page opts in (`keptLayout`), and only the briefing
// note does. This test renders random records through the briefing note both ways and expects
// the same bytes: every page, every box, every glyph where the full relayout puts it.
import { createElement, type ReactElement } from "react";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pdf } from "@react-pdf/renderer";
import { registerFonts } from "@/lib/pdf/fonts";
import { BriefingNote } from "@/lib/pdf/templates/briefing-note";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Briefing, Paper } from "@/lib/pdf/briefing";

async function render(element: ReactElement): Promise<Buffer> {
  const instance = pdf(element as Parameters<typeof pdf>[0]);
  const chunks: Buffer[] = [];
  for await (const chunk of await instance.toBuffer()) chunks.push(chunk as Buffer);
  instance.updateContainer(null as never);
  return Buffer.concat(chunks);
}

const ENGLISH =
  "the two sides reviewed state of bilateral cooperation in political trade economic energy defence education and cultural spheres agreed to continue consultations at next round Memorandum Understanding ministry division directorate".split(
    " ",
  );
const CYRILLIC = "Стороны обсудили широкий круг вопросов двустороннего сотрудничества и договорились продолжить".split(" ");
const ARABIC = "دونوں فریقوں نے تبادلہ خیال کیا اور تعاون کو مزید فروغ دینے پر اتفاق".split(" ");
const LONG = [
  "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt",
  "https://www.mofa.gov.pk/press-releases/2023/06/pakistan-russia-consultations-fifth-round?lang=en",
  "a.very.long.name@ministry-of-foreign-affairs.example.gov",
  "(MoU)",
  "2023–2024",
  "—",
];

/** A record shaped like the demo record, with every free text and list drawn at random. */
function randomBriefing(seed: number): { b: Briefing; paper: Paper } {
  let state = (seed * 2654435761) >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  // Drawn from the seed too, so that a failing seed gives the same record again.
  const randomUUID = () => `00000000-0000-4000-8000-${String(int(1e12)).padStart(12, "0")}`;
  const sentence = (words: number) => {
    const script = int(10);
    const vocabulary = script === 0 ? CYRILLIC : script === 1 ? ARABIC : ENGLISH;
    return Array.from({ length: Math.max(1, words) }, () => (int(25) === 0 ? pick(LONG) : pick(vocabulary))).join(" ");
  };
  // Empty, a few words, a paragraph, or several paragraphs.
  const text = (): string => {
    const size = int(8);
    if (size === 0) return "";
    if (size < 4) return sentence(1 + int(6));
    if (size < 7) return sentence(10 + int(120));
    return Array.from({ length: 2 + int(3) }, () => sentence(5 + int(60))).join("\n");
  };
  const some = <T,>(xs: T[], max: number, make: (x: T, i: number) => T): T[] =>
    Array.from({ length: int(max + 1) }, (_, i) => make(xs[i % xs.length] as T, i));
  const base = sampleBriefing();
  const d = base.data;
  const outcomes = some(d.outcomes, 30, (o, i) => ({ ...o, id: randomUUID(), text: text() || "Agreed.", owner: int(3) ? "" : sentence(1 + int(8)), dueDate: i % 3 ? null : "2024-01-31", status: i % 3 ? o.status : "OPEN" }));
  const withHistory = outcomes.filter(() => int(4) === 0);
  const b: Briefing = {
    ...base,
    approved: int(2) === 0,
    approvedBy: "Europe Division",
    approvedAt: "2023-06-22T10:00:00.000Z",
    data: {
      ...d,
      facts: {
        ...d.facts,
        title: sentence(2 + int(30)),
        atmosphere: text(),
        context: text(),
        summary: text(),
        endDate: int(2) ? null : "2023-06-21",
      },
      participants: some(d.participants, 12, (p) => ({ ...p, id: randomUUID(), name: sentence(1 + int(5)), title: int(4) ? p.title : sentence(1 + int(12)), organisation: int(4) ? p.organisation : sentence(1 + int(10)) })),
      topics: some(d.topics, 10, (t) => ({ ...t, id: randomUUID(), subject: sentence(1 + int(10)), notes: text() })),
      outcomes: outcomes.map((o, i) => (i > 0 && int(5) === 0 ? { ...o, originId: outcomes[0]?.id ?? null } : o)),
      regionalIssues: some(d.regionalIssues, 6, (r) => ({ ...r, id: randomUUID(), region: sentence(1 + int(3)), positions: text() || "Discussed." })),
      sideMeetings: Array.from({ length: int(4) }, () => ({ id: randomUUID(), kind: "MEETING" as const, withWhom: sentence(2 + int(8)), date: "2023-06-20", notes: text() })),
      references: some(d.references, 5, (r) => ({ ...r, id: randomUUID(), title: sentence(2 + int(20)), url: int(2) ? "" : pick(LONG) })),
      nextRound: { ...d.nextRound, note: text() },
    },
    earlierOpen: Array.from({ length: int(4) }, () => ({ text: text() || "Pending.", owner: sentence(1 + int(4)), dueDate: int(2) ? null : "2023-01-31", status: "OPEN", round: 4, date: "2022-06-01" })),
    history: Object.fromEntries(
      withHistory.map((o) => [o.id, [{ consultationId: randomUUID(), roundNumber: 4, startDate: "2022-06-01", status: "OPEN", dueDate: null }]]),
    ),
  };
  return { b, paper: int(2) ? "A4" : "LETTER" };
}

describe("the briefing note's kept layout", () => {
  it("renders random records to the same bytes as laying every page out again in full", async () => {
    registerFonts();
    const stats = (globalThis as Record<symbol, { pages: number; fullRelayouts: number }>)[Symbol.for("readout.keptLayout")];
    let pages = 0;
    let keptPages = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const { b, paper } = randomBriefing(seed);
        const before = stats?.pages ?? 0;
        const kept = await render(createElement(BriefingNote, { b, paper }));
        const between = stats?.pages ?? 0;
        const full = await render(createElement(BriefingNote, { b, paper, keptLayout: false }));
        const count = Number(/\/Count (\d+)/.exec(full.toString("latin1"))?.[1] ?? 0);
        // Every page of the first render went the kept way, none of the second's.
        expect(between - before, `seed ${seed}`).toBe(count);
        expect((stats?.pages ?? 0) - between, `seed ${seed}`).toBe(0);
        pages += count;
        keptPages += between - before;
        expect(kept.equals(full), `seed ${seed}: ${kept.length} bytes kept, ${full.length} laid out in full`).toBe(true);
      }),
      { numRuns: 40 },
    );
    // The records are long enough to split across pages, where the kept layout differs in kind.
    expect(pages).toBeGreaterThan(40 * 2);
    expect(keptPages).toBe(pages);
  }, 180_000);
});
