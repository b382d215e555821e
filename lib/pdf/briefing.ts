import type { RecordData } from "@/lib/validation/record";
import type { CommitmentStep } from "@/lib/domain/consultations/commitment-step";

/** Everything a template prints about one record: the stored record plus names resolved. */
export interface Briefing {
  id: string;
  reference: string;
  version: number;
  status: string;
  approved: boolean;
  approvedBy: string | null;
  approvedAt: string | null;
  seriesName: string;
  homeCountryName: string;
  counterpartNames: string;
  venueCountryName: string | null;
  nextRoundCountryName: string | null;
  data: RecordData;
  /** Commitments still open from earlier rounds of the series (not carried into this record). */
  earlierOpen: {
    text: string;
    owner: string;
    dueDate: string | null;
    status: string;
    round: number | null;
    date: string;
  }[];
  history: Record<string, CommitmentStep[]>;
  /** The moment the content last changed: the PDF's creation date, so output is reproducible. */
  updatedAt: string;
}

export const TEMPLATES = ["briefing-note", "one-page", "public-readout", "briefing-book"] as const;
export type Template = (typeof TEMPLATES)[number];
export const PAPERS = ["A4", "LETTER"] as const;
export type Paper = (typeof PAPERS)[number];

export const TEMPLATE_NAMES: Record<Template, string> = {
  "briefing-note": "briefing note",
  "one-page": "one-page summary",
  "public-readout": "public readout",
  "briefing-book": "briefing book",
};

/** Words of `longest` characters or more get break opportunities (breakLongToken): 26 for the
 * text column; fewer for a narrow table column, with a shorter `run` between breaks. */
export function pdfText(text: string, { longest = 26, run = 20 }: { longest?: number; run?: number } = {}): string {
  return text.replace(pattern(`\\S{${longest},}`), (token) => breakLongToken(token, run));
}

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_OR_CYRILLIC = /[A-Za-z\u00C0-\u024F\u0400-\u04FF]/;

/** Right-to-left layout for a paragraph whose first letter is Arabic script, so react-pdf's
 * bidi pass breaks and aligns its lines from the right margin. */
export function rtl(text: string): { direction: "rtl" } | Record<string, never> {
  const first = text.search(
    /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFFA-Za-z\u00C0-\u024F\u0400-\u04FF]/,
  );
  const ch = first >= 0 ? (text[first] ?? "") : "";
  return ARABIC_SCRIPT.test(ch) && !LATIN_OR_CYRILLIC.test(ch) ? { direction: "rtl" } : {};
}

/** A hair space: react-pdf breaks lines only at spaces (or at hyphenation points, where it
 * adds a hyphen). It is almost invisible, and fonts.ts makes it a break, never a hyphen. */
export const BREAK = "\u200A";

/** Lets a long URL, e-mail address or word wrap at the margin without a hyphen being added:
 * a break after URL punctuation, and every `run` characters in a long run of letters. */
function breakLongToken(token: string, run: number): string {
  return token
    .replace(/([/@.?&=_-]+)(?=.)/g, `$1${BREAK}`)
    .replace(pattern(`([^/@.?&=_\\u200A-]{${run}})(?=[^/@.?&=_\\u200A-])`), `$1${BREAK}`);
}

/** Each template's few patterns, compiled once (pdfText runs for every text of every render). */
const patterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = patterns.get(source);
  if (!re) patterns.set(source, (re = new RegExp(source, "g")));
  return re;
}

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
export function day(iso: string | null): string {
  return iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "";
}

const shortDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
/** "31 Dec 2023": a date in a narrow column or a line with a budget. */
export function shortDay(iso: string | null): string {
  return iso ? shortDate.format(new Date(`${iso}T00:00:00Z`)) : "";
}
