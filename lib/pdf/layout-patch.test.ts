import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { Document, Page, Text, View, pdf } from "@react-pdf/renderer";
import { PDFDocument, PDFDict, PDFName } from "pdf-lib";
import { BODY_FONT, registerFonts } from "@/lib/pdf/fonts";

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
