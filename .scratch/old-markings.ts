import { createHash } from "node:crypto";
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  StandardFonts,
  degrees,
  rgb,
  type PDFPage,
} from "pdf-lib";

export interface Markings {
  classification: string;
  reference: string;
  version: number | null;
  draft: boolean;
}

/**
 * Classification top and bottom, reference, version and "Page N of M" on every page, and the
 * DRAFT watermark, drawn onto the finished pages. Doing it here rather than with react-pdf's
 * `fixed`/`render` elements numbers every page reliably (react-pdf #3277) and renders faster.
 */
export async function stampMarkings(
  doc: PDFDocument,
  m: Markings,
  /** A book's pages carry their own record's reference, version and draft state. */
  perPage?: (pageIndex: number) => Pick<Markings, "reference" | "version" | "draft">,
): Promise<void> {
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  const total = pages.length;
  pages.forEach((page, i) => stampPage(page, i + 1, total, perPage ? { ...m, ...perPage(i) } : m, bold, regular));
}

function stampPage(
  page: PDFPage,
  n: number,
  total: number,
  m: Markings,
  bold: Awaited<ReturnType<PDFDocument["embedFont"]>>,
  regular: typeof bold,
) {
  const { width, height } = page.getSize();
  const ink = rgb(0.07, 0.09, 0.15);
  const centred = (text: string, y: number, size: number) =>
    page.drawText(text, {
      x: (width - bold.widthOfTextAtSize(text, size)) / 2,
      y,
      size,
      font: bold,
      color: ink,
    });
  if (m.draft) {
    const size = 110;
    const w = bold.widthOfTextAtSize("DRAFT", size);
    const angle = 35;
    const rad = (angle * Math.PI) / 180;
    page.drawText("DRAFT", {
      x: width / 2 - (w / 2) * Math.cos(rad) + (size / 3) * Math.sin(rad),
      y: height / 2 - (w / 2) * Math.sin(rad) - (size / 3) * Math.cos(rad),
      size,
      font: bold,
      color: rgb(0.75, 0.16, 0.17),
      opacity: 0.13,
      rotate: degrees(angle),
    });
  }
  centred(m.classification, height - 26, 9);
  centred(m.classification, 14, 9);
  const left = m.version === null ? m.reference : `${m.reference} · version ${m.version}`;
  const right = `Page ${n} of ${total}`;
  page.drawText(left, { x: 56, y: 32, size: 7.5, font: regular, color: rgb(0.3, 0.33, 0.38) });
  page.drawText(right, {
    x: width - 56 - regular.widthOfTextAtSize(right, 7.5),
    y: 32,
    size: 7.5,
    font: regular,
    color: rgb(0.3, 0.33, 0.38),
  });
}

/** Fixed metadata and a document ID derived from the content: the same input, the same bytes. */
export async function finalize(
  doc: PDFDocument,
  meta: { title: string; date: Date; idSeed: string },
): Promise<Uint8Array> {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor("Readout");
  doc.setCreator("Readout");
  doc.setProducer("Readout (react-pdf, pdf-lib)");
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const id = createHash("sha256").update(meta.idSeed).digest("hex").slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  doc.catalog.set(PDFName.of("Lang"), PDFHexString.fromText("en"));
  // No pauses while writing (render.ts load): renders run in renderer processes, off any request thread.
  return doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
}
