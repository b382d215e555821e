import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

// Our PDFs embed every font (pdf.test.ts "fonts"); pdf.js would read a standard font's metrics from here.
const STANDARD_FONTS = `${path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts")}/`;

export interface PdfPage {
  text: string;
  width: number;
  height: number;
  items: { str: string; x: number; y: number; width: number }[];
}

/** Every page of a PDF, read back from its bytes with pdf.js: text, and where each run sits. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : []));
    // Hair spaces (break opportunities in long URLs, see lib/pdf/briefing.ts) are not words.
    pages.push({ text: items.map((i) => i.str).join(" ").replace(/\u200A/g, "").replace(/\s+/g, " "), width, height, items });
  }
  await doc.destroy();
  return pages;
}

export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  return (await pdfPages(bytes)).map((p) => p.text);
}
