import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { create, type Font } from "fontkit";
import { LRUCache } from "lru-cache";
import { PDFDict, PDFDocument, PDFHexString, PDFName, numberToString, type PDFFont, type PDFRef } from "pdf-lib";
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

/** The markings' names in each page's resources (pdfkit names its own F1…, Gs1…). */
const BOLD = "RdMkB";
const REGULAR = "RdMkR";
const WATERMARK_STATE = "RdMkGS";

/**
 * Classification top and bottom, reference, version and "Page N of M" on every page, and the
 * DRAFT watermark, drawn onto the finished pages. Doing it here rather than with react-pdf's
 * `fixed`/`render` elements numbers every page reliably (react-pdf #3277) and renders faster.
 *
 * Each page gets one content stream written here, operator by operator, with what pdf-lib's
 * drawText writes for the same text (the same fonts, sizes, colours and positions) but without
 * its operator objects and per-call resource names: stamping a 62-page book took ~15 % of its
 * assembly that way (decision 0009, item 23). The page's own content is wrapped in q/Q first, as
 * pdf-lib does, so that none of its graphics state reaches the markings.
 */
export async function stampMarkings(
  doc: PDFDocument,
  m: Markings,
  /** A book's pages carry their own record's reference, version and draft state. */
  perPage?: (pageIndex: number) => Pick<Markings, "reference" | "version" | "draft">,
): Promise<void> {
  const { bold: boldFace, regular: regularFace } = markingFaces();
  const fonts = { bold: await embed(doc, boldFace), regular: await embed(doc, regularFace) };
  const ctx = doc.context;
  const boldRef = fonts.bold.ref;
  const regularRef = fonts.regular.ref;
  let watermark: PDFRef | undefined; // the DRAFT's opacity, once a page needs it
  // Each text's glyphs and width, once (the classification and reference repeat on every page).
  const known = new Map<string, { hex: string; width: number }>();
  const set = (font: PDFFont, text: string, size: number) => {
    const key = `${font === fonts.bold ? "B" : "R"}${size} ${text}`;
    let found = known.get(key);
    if (!found) {
      // One line of text: a control character (none is expected) is set as a space, not as a
      // missing glyph, as drawText would have set a tab.
      const line = text.replace(/\p{Cc}/gu, " ");
      known.set(key, (found = { hex: font.encodeText(line).toString(), width: font.widthOfTextAtSize(line, size) }));
    }
    return found;
  };
  const pages = doc.getPages();
  const total = pages.length;
  pages.forEach((page, i) => {
    const marks = perPage ? { ...m, ...perPage(i) } : m;
    const node = page.node;
    // The names are fixed: marking a page twice would point the first marks at the second fonts.
    if (node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict)?.has(PDFName.of(BOLD)))
      throw new Error(`page ${i + 1} already carries its markings`);
    node.setFontDictionary(PDFName.of(BOLD), boldRef);
    node.setFontDictionary(PDFName.of(REGULAR), regularRef);
    if (marks.draft)
      node.setExtGState(PDFName.of(WATERMARK_STATE), (watermark ??= ctx.register(ctx.obj({ Type: "ExtGState", ca: 0.13 }))));
    // Left uncompressed: ~350 bytes a page, which deflate shortens by a fifth at a cost of ~80 µs
    // a stream (a zlib instance each).
    node.addContentStream(ctx.register(ctx.stream(markingOperators(page.getSize(), i + 1, total, marks, fonts, set))));
  });
}

/** One page's markings as content-stream operators (what pdf-lib's drawText would write). */
function markingOperators(
  { width, height }: { width: number; height: number },
  n: number,
  total: number,
  m: Markings,
  fonts: { bold: PDFFont; regular: PDFFont },
  set: (font: PDFFont, text: string, size: number) => { hex: string; width: number },
): string {
  const { bold, regular } = fonts;
  const ops: string[] = [];
  const text = (
    font: PDFFont,
    value: string,
    size: number,
    colour: string,
    matrix: string,
    state = "",
  ) =>
    ops.push(
      `q\n${state}BT\n${colour} rg\n/${font === bold ? BOLD : REGULAR} ${size} Tf\n${matrix} Tm\n${set(font, value, size).hex} Tj\nET\nQ\n`,
    );
  const at = (x: number, y: number) => `1 0 0 1 ${numberToString(x)} ${numberToString(y)}`;
  const ink = "0.07 0.09 0.15";
  const grey = "0.3 0.33 0.38";
  if (m.draft) {
    const size = 110;
    const w = set(bold, "DRAFT", size).width;
    const rad = (35 * Math.PI) / 180;
    const x = width / 2 - (w / 2) * Math.cos(rad) + (size / 3) * Math.sin(rad);
    const y = height / 2 - (w / 2) * Math.sin(rad) - (size / 3) * Math.cos(rad);
    const [c, s] = [Math.cos(rad), Math.sin(rad)].map(numberToString);
    const matrix = `${c} ${s} ${numberToString(-Math.sin(rad))} ${c} ${numberToString(x)} ${numberToString(y)}`;
    text(bold, "DRAFT", size, "0.75 0.16 0.17", matrix, `/${WATERMARK_STATE} gs\n`);
  }
  const centred = (y: number) =>
    text(bold, m.classification, 9, ink, at((width - set(bold, m.classification, 9).width) / 2, y));
  centred(height - 26);
  centred(14);
  const left = m.version === null ? m.reference : `${m.reference} · version ${m.version}`;
  const right = `Page ${n} of ${total}`;
  text(regular, left, 7.5, grey, at(56, 32));
  text(regular, right, 7.5, grey, at(width - 56 - set(regular, right, 7.5).width, 32));
  return ops.join("");
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
