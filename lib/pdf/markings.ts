import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { create, type Font } from "fontkit";
import { LRUCache } from "lru-cache";
import { PDFDocument, PDFHexString, PDFName, degrees, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { BODY_FONT_FILE, BOLD_FONT_FILE } from "@/lib/pdf/fonts";

export interface Markings {
  classification: string;
  reference: string;
  version: number | null;
  draft: boolean;
}

interface Face {
  bytes: Buffer;
  font: Font;
  /** The embedded font's name: a fixed subset tag, so that the same input gives the same bytes. */
  name: string;
}

let faces: { bold: Face; regular: Face } | null = null;

/**
 * The markings' subsets, encoded, by face and the glyphs they hold (in order: it gives their
 * numbers). A document's markings use the same few glyphs as the last one's (classification,
 * figures, "Page of", the reference): stamping and writing a note took 2.57 ms instead of 2.82
 * (decision 0009, item 18).
 */
const encodedSubsets = new LRUCache<string, Uint8Array>({
  maxSize: 4 * 2 ** 20,
  sizeCalculation: (bytes) => bytes.length,
});

/**
 * The markings are set in Noto Sans, embedded (subset) like every other font in the PDF: a print
 * shop's preflight rejects fonts left to the reader. pdf-lib embeds custom fonts through a fontkit
 * it is handed, written against its own fork of fontkit 1; it gets the fontkit react-pdf uses (one
 * copy: our patches and shaping cache apply), whose subsets give their bytes with encode() rather
 * than as a stream. Each face is read and parsed once per process.
 */
function markingFaces(): { bold: Face; regular: Face } {
  if (faces) return faces;
  const face = (file: string, name: string): Face => {
    const bytes = readFileSync(file);
    const font = create(bytes) as Font;
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      const encoded = () => {
        // Encoding may add glyphs (a composite's parts): the key is what was asked for.
        const key = `${name}\u0000${(subset as unknown as { glyphs: number[] }).glyphs.join(",")}`;
        let data = encodedSubsets.get(key);
        if (!data) encodedSubsets.set(key, (data = subset.encode()));
        return data;
      };
      return Object.assign(subset, { encodeStream: () => Readable.from([encoded()]) });
    };
    return { bytes, font, name };
  };
  faces = { bold: face(BOLD_FONT_FILE, "RDMRKB+NotoSans-Bold"), regular: face(BODY_FONT_FILE, "RDMRKR+NotoSans-Regular") };
  return faces;
}

/** What pdf-lib asks of a fontkit: our parsed face for its bytes. */
const fontkitForPdfLib = {
  create(bytes: Uint8Array): Font {
    const face = Object.values(markingFaces()).find((f) => f.bytes === bytes);
    if (!face) throw new Error("only the markings' faces are embedded with pdf-lib");
    return face.font;
  },
};

async function embed(doc: PDFDocument, face: Face): Promise<PDFFont> {
  // Typed for pdf-lib's fork (its Font declares `cff`, `head` and `post`, which fontkit 2's has
  // at run time but its types leave out).
  doc.registerFontkit(fontkitForPdfLib as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
  return doc.embedFont(face.bytes, { subset: true, customName: face.name });
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
  const { bold: boldFace, regular: regularFace } = markingFaces();
  const bold = await embed(doc, boldFace);
  const regular = await embed(doc, regularFace);
  const pages = doc.getPages();
  const total = pages.length;
  pages.forEach((page, i) => stampPage(page, i + 1, total, perPage ? { ...m, ...perPage(i) } : m, bold, regular));
}

function stampPage(
  page: PDFPage,
  n: number,
  total: number,
  m: Markings,
  bold: PDFFont,
  regular: PDFFont,
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
