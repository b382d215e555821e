import { createHash } from "node:crypto";
import { createElement, type ReactElement } from "react";
import { pdf } from "@react-pdf/renderer";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { registerFonts } from "@/lib/pdf/fonts";
import { finalize, stampMarkings, type Markings } from "@/lib/pdf/markings";
import { addOutline, linkContents } from "@/lib/pdf/outline";
import { day, type Briefing, type Paper, type Template } from "@/lib/pdf/briefing";
import { BriefingNote } from "@/lib/pdf/templates/briefing-note";
import { BUDGETS, OnePage } from "@/lib/pdf/templates/one-page";
import { PublicReadout } from "@/lib/pdf/templates/public-readout";
import { BookFront, CONTENTS_LINK, frontPageCount, type TocEntry } from "@/lib/pdf/templates/book-front";
import { CLASSIFICATIONS } from "@/lib/auth/permissions";
import { RENDERER_VERSION } from "@/lib/pdf/version";

export interface RenderRequest {
  template: Template;
  paper: Paper;
  briefings: Briefing[];
  /** Briefing book only. */
  book?: { title: string; subtitle: string; reference: string };
}

type DocElement = NonNullable<Parameters<typeof pdf>[0]>;

/**
 * react-pdf's renderToBuffer never unmounts what it rendered: React keeps every render's fiber
 * root scheduled, ~150 KB of heap each, for the life of the thread (heap snapshots, decision
 * 0009). Rendering through pdf(), unmounting afterwards and letting React's scheduler run lets
 * it all go (1.6 KB per render left, from 150).
 */
async function renderBytes(element: ReactElement): Promise<Uint8Array> {
  const instance = pdf(element as DocElement);
  try {
    const stream = await instance.toBuffer();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    instance.updateContainer(null as unknown as DocElement);
    // React's scheduler runs the unmount on the next turn of the event loop (setImmediate).
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * pdf-lib pauses for a timer tick (at least 1 ms) every 100 objects it parses and every 50 it
 * writes, to keep a browser tab responsive; a renderer process has nobody to keep waiting, and a
 * 62-page book spent ~17 ms of its ~90 ms assembly idle in those pauses.
 */
function load(bytes: Uint8Array): Promise<PDFDocument> {
  // Nor does it need pdf-lib's producer and dates written into each part: finalize sets them all.
  return PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
}

async function toPdf(element: ReactElement): Promise<PDFDocument> {
  return load(await renderBytes(element));
}

/** What makes two renders the same: it seeds the document ID (and the cache key upstream). */
export function renderIdentity(req: RenderRequest): string {
  return JSON.stringify([
    RENDERER_VERSION,
    req.template,
    req.paper,
    req.book ?? null,
    req.briefings.map((b) => [b.id, b.version, b.status, b.updatedAt]),
  ]);
}

export function highest(classifications: string[]): string {
  return (
    CLASSIFICATIONS[
      Math.max(
        0,
        ...classifications.map((c) =>
          CLASSIFICATIONS.indexOf(c as (typeof CLASSIFICATIONS)[number]),
        ),
      )
    ] ?? "UNCLASSIFIED"
  );
}

async function onePage(b: Briefing, paper: Paper): Promise<PDFDocument> {
  let doc: PDFDocument | null = null;
  for (const budget of BUDGETS) {
    doc = await toPdf(createElement(OnePage, { b, paper, budget }));
    if (doc.getPageCount() === 1) return doc;
  }
  throw new Error("the one-page summary does not fit one page even at its tightest budget");
}

/** The cache key of one book part: a hash of everything it prints, so it can never be stale. */
export function partIdentity(b: Briefing, paper: Paper): string {
  return createHash("sha256")
    .update(JSON.stringify([RENDERER_VERSION, paper, b]))
    .digest("base64url");
}

/**
 * One record of a briefing book: its briefing note, unmarked (the book numbers and marks its
 * pages as a whole). Parts are independent, so the pool renders them side by side and keeps them.
 */
export function renderBookPart(b: Briefing, paper: Paper): Promise<Uint8Array> {
  registerFonts();
  return renderBytes(createElement(BriefingNote, { b, paper }));
}

/**
 * The cover and contents, numbered: planned by contentsPages, rendered, and if titles wrapped more
 * than planned and pushed rows onto another page, numbered again from the pages the front took
 * (the numbers' column is fixed, so the rows do not move). `numbered(front)`: the contents'
 * entries when the records start after `front` pages. The benchmark's Chromium peer uses it too.
 */
export async function settleFront<E, D extends { getPageCount(): number }>(
  req: RenderRequest,
  numbered: (front: number) => E[],
  render: (entries: E[]) => Promise<D>,
): Promise<{ doc: D; entries: E[]; front: number }> {
  let front = frontPageCount(req.briefings.map((b) => ({ title: b.data.facts.title })), req.paper);
  let entries = numbered(front);
  let doc = await render(entries);
  for (let tries = 0; doc.getPageCount() !== front; tries++) {
    if (tries === 2) throw new Error("the briefing book's contents would not settle on a number of pages");
    front = doc.getPageCount();
    entries = numbered(front);
    doc = await render(entries);
  }
  return { doc, entries, front };
}

/**
 * The contents' entries when the records start after `front` pages, from each record's page
 * count (`counts`, in the order of req.briefings; the last record's is not needed: no entry starts
 * after it).
 */
function contentsEntries(req: RenderRequest, counts: number[]): (front: number) => TocEntry[] {
  return (front) => {
    let next = front + 1;
    return req.briefings.map((b, i) => {
      const entry = { title: b.data.facts.title, date: day(b.data.facts.startDate), page: next };
      next += counts[i] ?? 0;
      return entry;
    });
  };
}

/** When the latest of the records changed: the date a book's cover and metadata carry. */
function latestUpdate(req: RenderRequest): Date {
  return new Date(req.briefings.reduce((d, b) => (b.updatedAt > d ? b.updatedAt : d), "1970-01-01T00:00:00.000Z"));
}

function bookFront(req: RenderRequest, entries: TocEntry[]): ReactElement {
  return createElement(BookFront, {
    title: req.book?.title ?? "Briefing book",
    subtitle: req.book?.subtitle ?? "",
    entries,
    paper: req.paper,
    date: latestUpdate(req),
  });
}

/** A book's cover and contents rendered ahead of its assembly, the page each entry gives, and what they were rendered from. */
export interface RenderedFront {
  pdf: Uint8Array;
  pages: number[];
  key: string;
}

/** Everything a book's cover and contents print but the page numbers (those are `pages`). */
function frontKey(req: RenderRequest): string {
  return JSON.stringify([
    RENDERER_VERSION,
    req.paper,
    req.book ?? null,
    req.briefings.map((b) => [b.data.facts.title, b.data.facts.startDate, b.updatedAt]),
  ]);
}

/** Fronts given to a book's assembly: used, or not (numbered otherwise) and rendered again; tests read them. */
export const frontCounts = { used: 0, renderedAgain: 0 };

/**
 * A book's cover and contents from its records' page counts, before the book is assembled: the
 * pool renders it on a renderer left idle while the last record's part renders (the contents need
 * every count but the last). The assembly checks the numbering against the parts it is given.
 */
export async function renderBookFront(req: RenderRequest, counts: number[]): Promise<RenderedFront> {
  registerFonts();
  let pdf: Uint8Array = new Uint8Array();
  const { entries } = await settleFront(req, contentsEntries(req, counts), async (entries) =>
    load((pdf = await renderBytes(bookFront(req, entries)))),
  );
  return { pdf, pages: entries.map((e) => e.page), key: frontKey(req) };
}

/**
 * Cover and contents, then the parts (rendered by renderBookPart, in the order of req.briefings).
 * `given`: the cover and contents rendered ahead (renderBookFront), used when they were rendered
 * for this book and the parts number the contents as they do; else they are rendered here.
 */
async function assemble(
  req: RenderRequest,
  partBytes: Uint8Array[],
  given?: RenderedFront,
): Promise<{ doc: PDFDocument; outline: { title: string; pageIndex: number }[]; front: number }> {
  if (partBytes.length !== req.briefings.length)
    throw new Error("a briefing book needs one part per record");
  const notes = await Promise.all(partBytes.map(load));
  const numbered = contentsEntries(req, notes.map((n) => n.getPageCount()));
  let settled: { doc: PDFDocument; entries: TocEntry[]; front: number } | null = null;
  if (given) {
    const doc = given.key === frontKey(req) ? await load(given.pdf).catch(() => null) : null;
    const entries = doc ? numbered(doc.getPageCount()) : [];
    if (doc && entries.length === given.pages.length && entries.every((e, i) => e.page === given.pages[i])) {
      settled = { doc, entries, front: doc.getPageCount() };
      frontCounts.used++;
    } else frontCounts.renderedAgain++;
  }
  settled ??= await settleFront(req, numbered, (entries) => toPdf(bookFront(req, entries)));
  const { doc: frontDoc, entries, front } = settled;
  const doc = await PDFDocument.create();
  for (const part of [frontDoc, ...notes]) {
    for (const page of await doc.copyPages(part, part.getPageIndices())) doc.addPage(page);
  }
  return { doc, outline: entries.map((e) => ({ title: e.title, pageIndex: e.page - 1 })), front };
}

/**
 * A book's markings page by page: the cover and contents are the book's (a draft while any record
 * is); each record's pages carry its own reference and version, and DRAFT only if it is not
 * approved. `starts`: the page index each record starts on; `front`: pages before the first.
 */
export function bookPageMarkings(
  briefings: Briefing[],
  starts: number[],
  front: number,
  book: Pick<Markings, "reference" | "version" | "draft">,
): (pageIndex: number) => Pick<Markings, "reference" | "version" | "draft"> {
  return (index) => {
    let at = -1;
    while (at + 1 < starts.length && (starts[at + 1] as number) <= index) at++;
    const b = briefings[at];
    return b && index >= front ? { reference: b.reference, version: b.version, draft: !b.approved } : book;
  };
}

/**
 * The one entry point: a render request in, finished PDF bytes (marked, numbered, reproducible)
 * out. A briefing book may be given its parts already rendered (renderBookPart, in order) and its
 * cover and contents (renderBookFront), and a briefing note its one part (the same pages before
 * markings).
 */
export async function renderPdf(req: RenderRequest, bookParts?: Uint8Array[], front?: RenderedFront): Promise<Uint8Array> {
  registerFonts();
  const first = req.briefings[0];
  if (!first) throw new Error("nothing to render");
  let doc: PDFDocument;
  let title = first.data.facts.title;
  let classification = first.data.facts.classification as string;
  let reference = first.reference;
  let version: number | null = first.version;
  let draft = !first.approved;
  let perPage: Parameters<typeof stampMarkings>[2];
  switch (req.template) {
    case "briefing-note":
      // A briefing note is its book part with markings: a part already rendered is reused.
      doc = bookParts?.[0] ? await load(bookParts[0]) : await toPdf(createElement(BriefingNote, { b: first, paper: req.paper }));
      break;
    case "one-page":
      doc = await onePage(first, req.paper);
      title = `${title} — one-page summary`;
      break;
    case "public-readout":
      doc = await toPdf(createElement(PublicReadout, { b: first, paper: req.paper }));
      title = `${title} — public readout`;
      classification = "UNCLASSIFIED";
      break;
    case "briefing-book": {
      const parts = bookParts ?? [];
      if (!bookParts) for (const b of req.briefings) parts.push(await renderBookPart(b, req.paper));
      const built = await assemble(req, parts, front);
      doc = built.doc;
      addOutline(doc, built.outline);
      linkContents(doc, built.front, CONTENTS_LINK, built.outline.map((e) => e.pageIndex));
      title = req.book?.title ?? "Briefing book";
      classification = highest(req.briefings.map((b) => b.data.facts.classification));
      reference = req.book?.reference ?? "READOUT/BOOK";
      version = null;
      draft = req.briefings.some((b) => !b.approved);
      perPage = bookPageMarkings(req.briefings, built.outline.map((e) => e.pageIndex), built.front, { reference, version, draft });
      break;
    }
  }
  await stampMarkings(doc, { classification, reference, version, draft }, perPage);
  return finalize(doc, { title, date: latestUpdate(req), idSeed: renderIdentity(req) });
}
