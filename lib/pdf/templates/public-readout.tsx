import { Document, Page, Text } from "@react-pdf/renderer";
import { day, pdfText, type Briefing, type Paper } from "@/lib/pdf/briefing";
import { label } from "@/lib/validation/vocabulary";
import { Para, contentWidth, dates } from "@/lib/pdf/templates/parts";

import { s } from "@/lib/pdf/templates/styles";

/** "the Russian Federation", "the United Kingdom", but "Pakistan". */
function withArticle(country: string): string {
  return /\b(Federation|Republic|Kingdom|States|Emirates|Netherlands|Philippines|Islands|Union)\b/.test(
    country,
  )
    ? `the ${country}`
    : country;
}

const ORDINALS = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
];

/** "fifth", "twelfth", then "13th", "21st", "22nd", "23rd", "111th". */
export function ordinal(n: number): string {
  const word = ORDINALS[n];
  if (word) return word;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** "an open and frank", "a cordial", "a useful", "an honest": the article the words take (by how
 * the first one sounds, for the common exceptions to its first letter). */
export function withIndefinite(words: string): string {
  const vowelSound = /^(?:[aeio]|u(?!ni|s[eu]|ti|r[ae])|hon|hour|heir)/i.test(words) && !/^(?:one|once|eu)/i.test(words);
  return `${vowelSound ? "an" : "a"} ${words}`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Press-release prose from the fields marked public only: no summary, notes or internal items. */
export function readoutParagraphs(b: Briefing): string[] {
  const f = b.data.facts;
  const d = b.data;
  const round = f.roundNumber
    ? `The ${ordinal(f.roundNumber)} round of the ${b.seriesName}`
    : `A round of the ${b.seriesName}`;
  const where = f.venueMode === "VIRTUAL" ? "virtually" : `in ${f.venueCity}`;
  const out = [
    `${round} was held ${where} on ${dates(b)}${f.atmosphere && f.atmosphereIsPublic ? `, in ${withIndefinite(f.atmosphere.toLowerCase())} atmosphere` : ""}.`,
  ];
  const leads = (side: "HOME" | "COUNTERPART", country: string) => {
    const h = d.participants.filter(
      (p) => p.side === side && (p.role === "HEAD" || p.role === "CO_CHAIR"),
    );
    const names = h.map((p) => [p.title, p.honorific, p.name].filter(Boolean).join(" "));
    return h.length ? `${list(names)} led the delegation of ${withArticle(country)}` : "";
  };
  const led = [leads("HOME", b.homeCountryName), leads("COUNTERPART", b.counterpartNames)].filter(
    Boolean,
  );
  if (led.length) out.push(`${list(led)}.`);
  // A list, as typed: lowered into a sentence, names and acronyms would be lowered too
  // ("afghanistan and the sco").
  const topics = d.topics.filter((t) => t.isPublic).map((t) => t.subject);
  if (topics.length) out.push(`The two sides discussed:\n${topics.map((t) => `•  ${t}`).join("\n")}`);
  const outcomes = d.outcomes.filter((x) => x.isPublic && x.type !== "COMMITMENT");
  if (outcomes.length)
    out.push(
      `The main outcomes of the consultations:\n${outcomes.map((o) => `•  ${o.text}`).join("\n")}`,
    );
  const regions = d.regionalIssues.filter((r) => r.isPublic).map((r) => r.region);
  if (regions.length)
    out.push(
      `The delegations exchanged views on regional and global issues, including ${list(regions)}.`,
    );
  const n = d.nextRound;
  if (n.plan !== "NOT_DISCUSSED") {
    const place = [n.city, b.nextRoundCountryName].filter(Boolean).join(", ");
    out.push(
      `The next round will be held${place ? ` in ${place},` : ""} ${n.plan === "DATED" ? `on ${day(n.date)}` : "on mutually convenient dates"}.`,
    );
  }
  return out;
}

export function PublicReadout({ b, paper }: { b: Briefing; paper: Paper }) {
  const f = b.data.facts;
  return (
    <Document
      title={`${f.title} — public readout`}
      author="Readout"
      creator="Readout"
      producer="Readout"
      language="en"
      creationDate={new Date(b.updatedAt)}
    >
      <Page size={paper} style={[s.page, { fontSize: 11, lineHeight: 1.55 }]}>
        <Text style={s.kicker}>Press release</Text>
        <Para text={f.title} width={contentWidth(paper)} style={[s.title, { marginBottom: 14 }]} />
        {readoutParagraphs(b).map((para, i) => (
          <Text key={i} style={[s.p, { marginBottom: 8 }]}>
            {i === 0
              ? `${f.venueMode === "VIRTUAL" ? "" : `${f.venueCity}, `}${day(f.startDate)}: `
              : ""}
            {pdfText(para)}
          </Text>
        ))}
        <Text style={[s.small, s.muted, { marginTop: 12 }]}>
          {label("UNCLASSIFIED")} · for public release once approved
        </Text>
      </Page>
    </Document>
  );
}
