import { StyleSheet } from "@react-pdf/renderer";
import { FONT_STACK } from "@/lib/pdf/fonts";

export const INK = "#111827";
export const MUTED = "#4b5563";
export const RULE = "#1f3a5f";
export const LINE = "#d1d5db";

// Space at the top and bottom of every page is kept free for the markings stamped afterwards.
export const PAGE_PADDING = { paddingTop: 54, paddingBottom: 62, paddingHorizontal: 56 } as const;

export const s = StyleSheet.create({
  page: { fontFamily: FONT_STACK, fontSize: 10, lineHeight: 1.4, color: INK, ...PAGE_PADDING },
  kicker: { fontSize: 8.5, color: MUTED, marginBottom: 4 },
  title: { fontSize: 19, fontWeight: 700, lineHeight: 1.2, marginBottom: 4 },
  subtitle: { fontSize: 10, color: MUTED, marginBottom: 14 },
  h2: { fontSize: 12, fontWeight: 700, color: RULE, marginTop: 14, marginBottom: 6, paddingBottom: 2, borderBottomWidth: 0.8, borderBottomColor: RULE },
  h3: { fontSize: 10.5, fontWeight: 700, marginTop: 6, marginBottom: 3 },
  p: { marginBottom: 5 },
  muted: { color: MUTED },
  small: { fontSize: 8.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 3 },
  // A row too long to keep on one page, set as a column: react-pdf's paginator does not split a
  // row (flexDirection "row"), it moves it whole and lets it run off the page.
  block: { borderBottomWidth: 0.5, borderBottomColor: LINE, paddingVertical: 3 },
  blockLabel: { color: MUTED, marginBottom: 2 },
  factLabel: { width: 150, paddingRight: 8, color: MUTED },
  factValue: { flex: 1 },
  th: { fontSize: 8.5, fontWeight: 700, color: MUTED },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10 },
  bulletText: { flex: 1 },
  approval: { marginTop: 18, padding: 8, borderWidth: 0.8, borderColor: LINE },
});

/**
 * Page props for react-pdf's layout as patched (decision 0009 item 25): after pagination, the
 * fragments placed whole on a page keep the first pass's layout, and only the page's spine is laid
 * out again (~12 % of a part). Not exact for every document (a flex basis in a column, a
 * percentage height, a text sized by its parent's alignment), so a template opts in (the briefing
 * note, every book part, does), and lib/pdf/kept-layout.test.ts renders random records through it
 * both ways and compares the bytes.
 */
export const keptLayout = (on = true) => ({ keptLayout: on });
