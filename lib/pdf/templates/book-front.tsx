import { Document, Link, Page, Text, View } from "@react-pdf/renderer";
import { pdfText, type Paper } from "@/lib/pdf/briefing";
import { readFileSync } from "node:fs";
import { create, type Font } from "fontkit";
import { FONT_STACK_FILES } from "@/lib/pdf/fonts";
import { contentWidth } from "@/lib/pdf/templates/parts";
import { INK, s } from "@/lib/pdf/templates/styles";

export interface TocEntry {
  title: string;
  date: string;
  page: number;
}

// A contents row is 6.5 pt of padding and rule plus 14 pt for each line of its title (10 pt text
// at 1.4 line height); under its heading a page has room for ~630 pt of rows on Letter, the
// shorter paper. The title's column is the text column less the date, the page and a gap.
const ROW_PT = 6.5;
const LINE_PT = 14;
const ROWS_PT = 615;
const titleWidth = (paper: Paper) => contentWidth(paper) - 90 - 30 - 8;

let parsed: Font[] | null = null;
/** The page's font stack as fontkit reads it (regular faces), parsed once per process, to measure titles with. */
function stackFonts(): Font[] {
  parsed ??= FONT_STACK_FILES.map((file) => create(readFileSync(file)) as Font);
  return parsed;
}

/**
 * Lines a title takes in its column: its words set one after another at 10 pt, each character in
 * the first face of the stack that has it (as textkit picks them), with 5 % to spare (react-pdf's
 * line breaking is not this greedy one, and kerning is left out). A character no face has prints
 * the missing-glyph box, counted as 0.6 em. A title that still takes more lines pushes the rest of
 * its page onto another one, and render.ts then numbers the contents from the pages the front
 * really took.
 */
function titleLines(title: string, paper: Paper): number {
  const fonts = stackFonts();
  const width = (text: string) => {
    let em = 0;
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      const font = fonts.find((f) => f.hasGlyphForCodePoint(codePoint));
      em += font ? font.glyphForCodePoint(codePoint).advanceWidth / font.unitsPerEm : 0.6;
    }
    return em * 10;
  };
  const column = titleWidth(paper) * 0.95;
  const space = width(" ");
  let lines = 1;
  let used = 0;
  for (const word of pdfText(title).split(/[\s\u200A]+/).filter(Boolean)) {
    const w = width(word);
    if (used > 0 && used + space + w > column) {
      lines++;
      used = 0;
    }
    used += (used > 0 ? space : 0) + w;
    // A word wider than the column breaks at its hair spaces (pdfText) over lines of its own.
    while (used > column) {
      lines++;
      used -= column;
    }
  }
  return lines;
}

/** The contents' entries page by page: 30 one-line rows to a page, fewer when titles wrap. */
export function contentsPages<T extends { title: string }>(entries: T[], paper: Paper): T[][] {
  const pages: T[][] = [[]];
  let used = 0;
  for (const entry of entries) {
    const height = ROW_PT + LINE_PT * titleLines(entry.title, paper);
    const page = pages.at(-1) as T[];
    if (page.length > 0 && used + height > ROWS_PT) {
      pages.push([entry]);
      used = height;
    } else {
      page.push(entry);
      used += height;
    }
  }
  return pages;
}

/**
 * Each contents row is a link to this address with its record's index (0-based): react-pdf places
 * the link over the row, and the book's assembly points it at the record's first page
 * (outline.ts linkContents), which this document, rendered on its own, cannot know.
 */
export const CONTENTS_LINK = "https://readout.invalid/contents/";

/** Cover and table of contents of a briefing book; page numbers are known before this renders. */
export function BookFront({
  title,
  subtitle,
  entries,
  paper,
  date,
}: {
  title: string;
  subtitle: string;
  entries: TocEntry[];
  paper: Paper;
  date: Date;
}) {
  const pages = contentsPages(entries, paper);
  const indexOf = new Map(entries.map((e, i) => [e, i]));
  return (
    <Document
      title={title}
      author="Readout"
      creator="Readout"
      producer="Readout"
      language="en"
      creationDate={date}
    >
      <Page size={paper} style={s.page} wrap experimentalPagination>
        <View style={{ marginTop: 180 }}>
          <Text style={s.kicker}>Briefing book</Text>
          <Text style={[s.title, { fontSize: 26 }]}>{pdfText(title)}</Text>
          <Text style={s.subtitle}>{subtitle}</Text>
        </View>
      </Page>
      {pages.map((chunk, i) => (
        <Page key={i} size={paper} style={s.page} wrap experimentalPagination>
          <Text style={s.h2}>{i === 0 ? "Contents" : "Contents (continued)"}</Text>
          {chunk.map((e, j) => (
            <Link key={j} src={`${CONTENTS_LINK}${indexOf.get(e)}`} style={[s.row, { color: INK, textDecoration: "none" }]} wrap={false}>
              <Text style={{ flex: 1, paddingRight: 8 }}>{pdfText(e.title)}</Text>
              <Text style={{ width: 90, color: "#4b5563" }}>{e.date}</Text>
              <Text style={{ width: 30, textAlign: "right" }}>{e.page}</Text>
            </Link>
          ))}
        </Page>
      ))}
    </Document>
  );
}

/** Pages before the first record (the cover and the contents), as planned by contentsPages. */
export function frontPageCount(titles: { title: string }[], paper: Paper): number {
  return 1 + contentsPages(titles, paper).length;
}
