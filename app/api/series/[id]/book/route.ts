import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getSeriesBook, parseBookPaper } from "@/lib/domain/briefings/get-series-book";
import { errorResponse } from "@/lib/http";
import { etagMatches, notModified, pdfResponse } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const search = new URL(request.url).searchParams;
    const paper = parseBookPaper(search);
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch) {
      const meta = await getSeriesBook(user, id, paper, true);
      if (etagMatches(ifNoneMatch, meta.key)) return notModified(meta.key);
    }
    const book = await getSeriesBook(user, id, paper);
    return pdfResponse(book.bytes as Uint8Array, book.key, book.fileName, search.get("download") === "1");
  } catch (error) {
    return errorResponse(error);
  }
}
