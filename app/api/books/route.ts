import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getSelectionBook, parseBookPaper, parseBookSelection } from "@/lib/domain/briefings/get-series-book";
import { errorResponse } from "@/lib/http";
import { conditionalPdf } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

/** A briefing book of consultations chosen from the list: ?id=…&id=…[&paper=LETTER][&download=1]. */
export async function GET(request: Request) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const search = new URL(request.url).searchParams;
    const ids = parseBookSelection(search);
    const paper = parseBookPaper(search);
    return await conditionalPdf(
      request,
      () => getSelectionBook(user, ids, paper, true),
      () => getSelectionBook(user, ids, paper),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
