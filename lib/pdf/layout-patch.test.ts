import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { Document, Page, Text, View, pdf } from "@react-pdf/renderer";
import { PDFDocument, PDFDict, PDFName } from "pdf-lib";
import { BODY_FONT, registerFonts } from "@/lib/pdf/fonts";
import { pdfPages } from "@/lib/testing/pdf-text";

/** The fonts a PDF embeds or names (BaseFont of every font dictionary). */
async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Type")) === PDFName.of("Font"))
    .map((font) => String(font.get(PDFName.of("BaseFont")) ?? ""));
}

async function render(element: ReturnType<typeof h>): Promise<Uint8Array> {
  const stream = await pdf(element as Parameters<typeof pdf>[0]).toBuffer();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// patches/@react-pdf+layout+5.2.0.patch lays a page out again after pagination without styling
// its fragments anew (the first pass did). What a render prop draws is new on each page, so a
// page holding one is styled as upstream does: otherwise its own style (bold) was never resolved.
describe("react-pdf's layout, as patched", () => {
  it("styles what a render prop draws on a paginated page", async () => {
    registerFonts();
    const words = "The two sides reviewed the state of cooperation in detail. ".repeat(40);
    const bytes = await render(
      h(
        Document,
        null,
        h(
          Page,
          { size: "A4", wrap: true, experimentalPagination: true, style: { fontFamily: BODY_FONT, fontSize: 10, padding: 40 } },
          h(Text, null, words),
          h(
            View,
            { style: { height: 30, fontSize: 16 } },
            h(Text, {
              style: { position: "absolute", top: 2, left: 2 },
              render: ({ pageNumber }: { pageNumber: number }) => h(Text, { style: [{ fontWeight: 700 }] }, `Marked on page ${pageNumber}`),
            }),
          ),
          h(Text, null, words),
        ),
      ),
    );
    const fonts = await fontNames(bytes);
    expect(fonts.some((f) => /Bold/.test(f)), fonts.join(", ")).toBe(true);
  });
});

// The patch also keeps, after pagination, the first pass's layout of every fragment placed whole on
// a page (only the page's spine goes back to yoga), where upstream lays the whole page out again.
// A page holding a floated element is still laid out in full (floats move boxes after yoga), so the
// same document ending in an empty float shows what a full relayout gives, word by word.
describe("pages laid out again after pagination", () => {
  const words = (n: number) => "The two sides reviewed the state of cooperation in detail. ".repeat(n);
  const doc = (withFloat: boolean) =>
    h(
      Document,
      null,
      h(
        Page,
        { size: "A4", wrap: true, experimentalPagination: true, style: { fontFamily: BODY_FONT, fontSize: 10, padding: 40 } },
        h(Text, { style: { marginBottom: 6 } }, words(80)),
        h(
          View,
          { style: { borderWidth: 1, borderColor: "#999", padding: 8, marginVertical: 10 } },
          h(Text, { style: { fontWeight: 700, fontSize: 13 } }, "A heading in a box"),
          h(Text, null, words(3)),
          h(
            View,
            { style: { flexDirection: "row", marginTop: 4 } },
            h(Text, { style: { width: "35%", paddingRight: 6 } }, "Owner: Europe Division"),
            h(Text, { style: { flexGrow: 1 } }, words(2)),
          ),
        ),
        h(View, { wrap: false, style: { marginLeft: 24, paddingTop: 5 } }, h(Text, null, words(4))),
        ...Array.from({ length: 12 }, (_, i) =>
          h(
            View,
            { key: i, style: { flexDirection: "row", borderBottomWidth: 0.5, paddingVertical: 3 } },
            h(Text, { style: { width: 90 } }, `Row ${i + 1}`),
            h(Text, { style: { flex: 1 } }, words(1 + (i % 3))),
          ),
        ),
        h(Text, null, words(120)),
        // Grows into what is left of the last page: the relayout gives it another height than the
        // first pass did, so that page is laid out in full.
        h(View, { style: { flexGrow: 1, justifyContent: "flex-end", backgroundColor: "#eee", padding: 6 } }, h(Text, null, "Notes")),
        withFloat ? h(View, { style: { float: "left", width: 0, height: 0 } }) : null,
      ),
    );

  it("places every word where laying the page out in full places it", async () => {
    registerFonts();
    const kept = await pdfPages(await render(doc(false)));
    const full = await pdfPages(await render(doc(true)));
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.map((p) => p.items)).toEqual(full.map((p) => p.items));
  });
});
