import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFNull, type PDFRef } from "pdf-lib";

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
