import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getSelectionBook, parseBookPaper, parseBookSelection } from "@/lib/domain/briefings/get-series-book";
import { errorResponse } from "@/lib/http";
import { etagMatches, notModified, pdfResponse } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

/** A briefing book of consultations chosen from the list: ?id=…&id=…[&paper=LETTER][&download=1]. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const search = new URL(request.url).searchParams;
    const ids = parseBookSelection(search);
    const paper = parseBookPaper(search);
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch) {
      const meta = await getSelectionBook(user, ids, paper, true);
      if (etagMatches(ifNoneMatch, meta.key)) return notModified(meta.key);
    }
    const book = await getSelectionBook(user, ids, paper);
    return pdfResponse(book.bytes as Uint8Array, book.key, book.fileName, search.get("download") === "1");
  } catch (error) {
    return errorResponse(error);
  }
}
