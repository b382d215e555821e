import { Document, Page, Text, View } from "@react-pdf/renderer";
import { pdfText, shortDay, type Briefing, type Paper } from "@/lib/pdf/briefing";
import { label } from "@/lib/validation/vocabulary";
import {
  Bullet,
  Fact,
  Para,
  Section,
  contentWidth,
  dates,
  heads,
  nextRound,
  topicCategory,
  venue,
} from "@/lib/pdf/templates/parts";
import { s } from "@/lib/pdf/templates/styles";

/** How much the one-page summary may show; the renderer tightens it until the page fits. */
export interface Budget {
  summaryChars: number;
  outcomes: number;
  outcomeChars: number;
  topics: number;
  /** The title, series, venue, heads of delegation, next round and commitments' owners (as long
   * as the forms allow, they alone can fill the page). */
  factChars: number;
}

export const BUDGETS: Budget[] = [
  { summaryChars: 1_400, outcomes: 8, outcomeChars: 220, topics: 8, factChars: Infinity },
  { summaryChars: 900, outcomes: 6, outcomeChars: 160, topics: 6, factChars: Infinity },
  { summaryChars: 500, outcomes: 4, outcomeChars: 120, topics: 4, factChars: Infinity },
  { summaryChars: 250, outcomes: 3, outcomeChars: 90, topics: 0, factChars: Infinity },
  { summaryChars: 250, outcomes: 3, outcomeChars: 90, topics: 0, factChars: 140 },
];

/** Cuts at the last sentence (or word) end within the limit, and says so with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.lastIndexOf(". ");
  if (sentence > max * 0.5) return cut.slice(0, sentence + 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max).trimEnd()} …`;
}

const PRIORITY: Record<string, number> = {
  COMMITMENT: 0,
  AGREEMENT: 1,
  REAFFIRMATION: 2,
  SATISFACTION: 3,
  EXCHANGE_OF_VIEWS: 4,
};

export function OnePage({ b, paper, budget }: { b: Briefing; paper: Paper; budget: Budget }) {
  const f = b.data.facts;
  const outcomes = [...b.data.outcomes].sort(
    (x, y) => (PRIORITY[x.type] ?? 9) - (PRIORITY[y.type] ?? 9),
  );
  const shownOutcomes = outcomes.slice(0, budget.outcomes);
  const shownTopics = b.data.topics.slice(0, budget.topics);
  const fact = (text: string) => shorten(text, budget.factChars);
  const homeHeads = heads(b, "HOME");
  const counterpartHeads = heads(b, "COUNTERPART");
  const next = nextRound(b);
  const place = venue(b);
  const left: string[] = [];
  if ([f.title, b.seriesName, place, homeHeads, counterpartHeads, next, ...shownOutcomes.map((o) => o.owner)].some((t) => t.length > budget.factChars))
    left.push("part of some long titles, names and places");
  if (outcomes.length > shownOutcomes.length)
    left.push(`${outcomes.length - shownOutcomes.length} of ${outcomes.length} outcomes`);
  if (b.data.topics.length > shownTopics.length)
    left.push(`${b.data.topics.length - shownTopics.length} of ${b.data.topics.length} topics`);
  if (f.summary.length > budget.summaryChars) left.push("part of the summary");
  if (shownOutcomes.some((o) => o.text.length > budget.outcomeChars)) left.push("part of some outcomes");
  // Everything the briefing note prints that this page never does.
  if (f.atmosphere) left.push("the atmosphere");
  if (f.context) left.push("the context");
  if (b.data.participants.some((p) => p.role !== "HEAD" && p.role !== "CO_CHAIR")) left.push("delegation members");
  if (shownTopics.some((t) => t.notes)) left.push("notes on topics");
  if (b.earlierOpen.length) left.push("open commitments from earlier rounds");
  if (b.data.regionalIssues.length) left.push("regional issues");
  if (b.data.sideMeetings.length) left.push("side meetings");
  if (b.data.references.length) left.push("references");
  return (
    <Document
      title={`${f.title} — one-page summary`}
      author="Readout"
      creator="Readout"
      producer="Readout"
      language="en"
      creationDate={new Date(b.updatedAt)}
    >
      {/* Wrapping, so that too much for one page makes a second one, and render.ts tightens the
          budget (a page that does not wrap grows to fit its content instead: not A4 any more). */}
      <Page size={paper} style={s.page} wrap experimentalPagination>
        <Text style={s.kicker}>One-page summary · {pdfText(fact(b.seriesName))}</Text>
        <Para text={fact(f.title)} width={contentWidth(paper)} style={[s.title, { fontSize: 16 }]} />
        <Text style={s.subtitle}>{b.reference}</Text>
        <Fact width={contentWidth(paper)} name="Dates" value={dates(b)} />
        <Fact width={contentWidth(paper)} name="Venue" value={fact(place)} />
        <Fact
          width={contentWidth(paper)}
          name={`Led by (${b.homeCountryName})`}
          value={fact(homeHeads)}
        />
        <Fact
          width={contentWidth(paper)}
          name={`Led by (${b.counterpartNames})`}
          value={fact(counterpartHeads)}
        />
        <Fact width={contentWidth(paper)} name="Next round" value={fact(next)} />
        {f.summary !== "" && (
          <Section title="In brief">
            <Para
              text={shorten(f.summary.replace(/\s*\n+\s*/g, " "), budget.summaryChars)}
              width={contentWidth(paper)}
            />
          </Section>
        )}
        {shownTopics.length > 0 && (
          <Section title="Discussed">
            <Text>
              {shownTopics
                .map((t) => {
                  const category = topicCategory(t);
                  return `${pdfText(t.subject)}${category ? ` (${category.toLowerCase()})` : ""}`;
                })
                .join("; ")}
              .
            </Text>
          </Section>
        )}
        {shownOutcomes.length > 0 && (
          <Section title="Key outcomes">
            {shownOutcomes.map((o) => (
              <Bullet key={o.id}>
                {label(o.type)}: {pdfText(shorten(o.text, budget.outcomeChars))}
                {o.type === "COMMITMENT"
                  ? ` — ${pdfText(fact(o.owner)) || "no owner"}${o.dueDate ? `, due ${shortDay(o.dueDate)}` : ""}, ${label(o.status ?? "OPEN").toLowerCase()}`
                  : ""}
              </Bullet>
            ))}
          </Section>
        )}
        <View style={{ marginTop: 10 }}>
          <Text style={[s.small, s.muted]}>
            {left.length
              ? `Left out to fit one page: ${left.join(", ")}. The briefing note has everything.`
              : "Nothing was left out."}
          </Text>
        </View>
      </Page>
    </Document>
  );
}
