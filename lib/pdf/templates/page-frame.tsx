import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { BriefingMeta } from "@/lib/pdf/document-meta";

export const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
export type PaperSize = keyof typeof PAGE_SIZES;

const styles = StyleSheet.create({
  banner: {
    position: "absolute",
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 9,
    fontWeight: 700,
  },
  footer: {
    position: "absolute",
    left: 56,
    right: 56,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: "#444",
  },
  watermark: {
    position: "absolute",
    left: 0,
    right: 0,
    textAlign: "center",
    fontSize: 110,
    fontWeight: 700,
    color: "#c0392b",
    opacity: 0.12,
    transform: "rotate(-35deg)",
  },
});

/**
 * Markings on every page. Every fixed element is anchored with `top`, never `bottom`: a
 * bottom-anchored fixed footer loses its page numbers or crashes (react-pdf #3277, shared/notes).
 */
export function PageFrame({ meta, paper }: { meta: BriefingMeta; paper: PaperSize }) {
  const { height } = PAGE_SIZES[paper];
  return (
    <>
      {!meta.approved && (
        <Text fixed style={[styles.watermark, { top: height / 2 - 70 }]}>
          DRAFT
        </Text>
      )}
      <Text fixed style={[styles.banner, { top: 18 }]}>
        {meta.classification}
      </Text>
      <View fixed style={[styles.footer, { top: height - 44 }]}>
        <Text>
          {meta.reference} · version {meta.version}
        </Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </View>
      <Text fixed style={[styles.banner, { top: height - 26 }]}>
        {meta.classification}
      </Text>
    </>
  );
}
