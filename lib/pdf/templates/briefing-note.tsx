import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import { BODY_FONT } from "@/lib/pdf/fonts";
import { PageFrame, type PaperSize } from "@/lib/pdf/templates/page-frame";
import type { BriefingMeta } from "@/lib/pdf/document-meta";

export interface BriefingNoteData {
  title: string;
  startDate: string;
  city: string;
  counterpartCountry: string;
  classification: string;
  status: string;
  createdBy: string;
  updatedAt: Date;
}

const styles = StyleSheet.create({
  page: { fontFamily: BODY_FONT, fontSize: 10.5, lineHeight: 1.45, paddingTop: 56, paddingBottom: 64, paddingHorizontal: 56, color: "#111" },
  kicker: { fontSize: 9, letterSpacing: 1.2, color: "#555", marginBottom: 6, textTransform: "uppercase" },
  title: { fontSize: 20, fontWeight: 700, lineHeight: 1.25, marginBottom: 18 },
  sectionTitle: { fontSize: 12, fontWeight: 700, marginTop: 18, marginBottom: 8, paddingBottom: 3, borderBottomWidth: 1, borderBottomColor: "#1f3a5f" },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#ccc", paddingVertical: 4 },
  label: { width: 150, color: "#444" },
  value: { flex: 1 },
  note: { marginTop: 24, fontSize: 9, color: "#555" },
});

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.label}>{label}</Text>
      <Text style={styles.value}>{value}</Text>
    </View>
  );
}

export function BriefingNote({ data, meta, paper }: { data: BriefingNoteData; meta: BriefingMeta; paper: PaperSize }) {
  return (
    <Document title={data.title} author="Readout" creator="Readout" producer="Readout" language="en" creationDate={data.updatedAt} modificationDate={data.updatedAt}>
      <Page size={paper} style={styles.page}>
        <PageFrame meta={meta} paper={paper} />
        <Text style={styles.kicker}>Briefing note</Text>
        <Text style={styles.title}>{data.title}</Text>
        <Text style={styles.sectionTitle}>Meeting facts</Text>
        <Fact label="Date" value={data.startDate} />
        <Fact label="Venue" value={data.city} />
        <Fact label="Counterpart" value={data.counterpartCountry} />
        <Fact label="Classification" value={data.classification} />
        <Fact label="Status" value={data.status} />
        <Fact label="Drafted by" value={data.createdBy} />
        <Text style={styles.note}>
          {meta.approved ? "Approved version." : "Not approved: this is a working draft and may change."}
        </Text>
      </Page>
    </Document>
  );
}
