import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull, PDFString, type PDFRef } from "pdf-lib";

/** Adds a flat outline (PDF bookmarks) pointing at the given 0-based pages; opens with it shown. */
export function addOutline(doc: PDFDocument, items: { title: string; pageIndex: number }[]): void {
  if (items.length === 0) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();
  const refs: PDFRef[] = items.map(() => ctx.nextRef());
  items.forEach((item, i) => {
    const page = pages[item.pageIndex];
    if (!page) throw new Error(`outline entry ${i} points past the last page`);
    const dest = ctx.obj([page.ref, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull]);
    const dict = ctx.obj({ Title: PDFHexString.fromText(item.title), Parent: rootRef, Dest: dest });
    if (i > 0) dict.set(PDFName.of("Prev"), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) dict.set(PDFName.of("Next"), refs[i + 1] as PDFRef);
    ctx.assign(refs[i] as PDFRef, dict);
  });
  ctx.assign(
    rootRef,
    ctx.obj({
      Type: "Outlines",
      First: refs[0] as PDFRef,
      Last: refs.at(-1) as PDFRef,
      Count: PDFNumber.of(refs.length),
    }),
  );
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/**
 * Points the contents' rows at their records: each link annotation on the first `front` pages
 * whose address is `prefix` + a record's index becomes a jump to that record's first page
 * (`starts`, 0-based page indices), so that a reader clicks a row as they would a bookmark.
 */
export function linkContents(doc: PDFDocument, front: number, prefix: string, starts: number[]): void {
  const pages = doc.getPages();
  for (const page of pages.slice(0, front)) {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots?.lookupMaybe(i, PDFDict);
      const uri = annot?.lookupMaybe(PDFName.of("A"), PDFDict)?.get(PDFName.of("URI"));
      const address = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : "";
      if (!annot || !address.startsWith(prefix)) continue;
      const target = pages[starts[Number(address.slice(prefix.length))] ?? -1];
      if (!target) throw new Error(`a contents row links to ${address}, which is no record of this book`);
      annot.delete(PDFName.of("A"));
      annot.set(PDFName.of("Dest"), doc.context.obj([target.ref, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull]));
    }
  }
}
