import { Document, Page, Text, View } from "@react-pdf/renderer";
import { pdfText, type Paper } from "@/lib/pdf/briefing";
import { s } from "@/lib/pdf/templates/styles";

export interface TocEntry {
  title: string;
  date: string;
  page: number;
}

export const TOC_PER_PAGE = 30;

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
  const pages: TocEntry[][] = [];
  for (let i = 0; i < Math.max(entries.length, 1); i += TOC_PER_PAGE)
    pages.push(entries.slice(i, i + TOC_PER_PAGE));
  return (
    <Document
      title={title}
      author="Readout"
      creator="Readout"
      producer="Readout"
      language="en"
      creationDate={date}
    >
      <Page size={paper} style={s.page}>
        <View style={{ marginTop: 180 }}>
          <Text style={s.kicker}>Briefing book</Text>
          <Text style={[s.title, { fontSize: 26 }]}>{pdfText(title)}</Text>
          <Text style={s.subtitle}>{subtitle}</Text>
        </View>
      </Page>
      {pages.map((chunk, i) => (
        <Page key={i} size={paper} style={s.page}>
          <Text style={s.h2}>{i === 0 ? "Contents" : "Contents (continued)"}</Text>
          {chunk.map((e, j) => (
            <View key={j} style={s.row}>
              <Text style={{ flex: 1, paddingRight: 8 }}>{pdfText(e.title)}</Text>
              <Text style={{ width: 90, color: "#4b5563" }}>{e.date}</Text>
              <Text style={{ width: 30, textAlign: "right" }}>{e.page}</Text>
            </View>
          ))}
        </Page>
      ))}
    </Document>
  );
}

export function frontPageCount(entries: number): number {
  return 1 + Math.max(1, Math.ceil(entries / TOC_PER_PAGE));
}
