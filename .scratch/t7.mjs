import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFDict, PDFRawStream, PDFArray } from "pdf-lib";
const doc = await PDFDocument.load(readFileSync(process.argv[2]));
doc.getPages().forEach((page, i) => {
  const fonts = page.node.Resources().lookup(PDFName.of("Font"), PDFDict);
  const names = [];
  for (const [k, ref] of fonts.entries()) { const f = doc.context.lookup(ref); if (String(f.get(PDFName.of("BaseFont"))).includes(process.argv[3])) names.push(k.toString()); }
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  for (const s of streams) {
    const text = inflateSync(s.getContents()).toString("latin1");
    for (const n of names) { let at = text.indexOf(n + " "); while (at >= 0) { console.log("page", i + 1, JSON.stringify(text.slice(at - 60, at + 200))); at = text.indexOf(n + " ", at + 1); } }
  }
});
