import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPage {
  text: string;
  width: number;
  height: number;
  items: { str: string; x: number; y: number }[];
}

/** Every page of a PDF, read back from its bytes with pdf.js: text, and where each run sits. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ("str" in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []));
    pages.push({ text: items.map((i) => i.str).join(" ").replace(/\s+/g, " "), width, height, items });
  }
  await doc.destroy();
  return pages;
}

export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  return (await pdfPages(bytes)).map((p) => p.text);
}
