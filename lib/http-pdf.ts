import "server-only";
import { create as contentDisposition } from "content-disposition";

/** True when the browser's If-None-Match already names this ETag. */
export function etagMatches(ifNoneMatch: string | null, key: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === `"${key}"` || t.trim() === "*");
}

const CACHE = "private, no-cache"; // the browser may keep it, but asks every time (it may have been revoked)

export function notModified(key: string): Response {
  return new Response(null, { status: 304, headers: { ETag: `"${key}"`, "Cache-Control": CACHE } });
}

export function pdfResponse(bytes: Uint8Array, key: string, fileName: string, download: boolean): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition(fileName, { type: download ? "attachment" : "inline" }),
      ETag: `"${key}"`,
      "Cache-Control": CACHE,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A PDF answered as its routes answer: 304 when If-None-Match already names the key that `key`
 * finds (no render, no bytes read), else the PDF that `pdf` gets, inline or, with `?download=1`,
 * as an attachment. The caller has authenticated and authorised the request.
 */
export async function conditionalPdf(
  request: Request,
  key: () => Promise<{ key: string }>,
  pdf: () => Promise<{ bytes?: Uint8Array; key: string; fileName: string }>,
): Promise<Response> {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) {
    const meta = await key();
    if (etagMatches(ifNoneMatch, meta.key)) return notModified(meta.key);
  }
  const out = await pdf();
  if (!out.bytes) throw new Error("a PDF without its bytes");
  const download = new URL(request.url).searchParams.get("download") === "1";
  return pdfResponse(out.bytes, out.key, out.fileName, download);
}
