import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getSeriesBook, parseBookPaper } from "@/lib/domain/briefings/get-series-book";
import { errorResponse } from "@/lib/http";
import { conditionalPdf } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const paper = parseBookPaper(new URL(request.url).searchParams);
    return await conditionalPdf(
      request,
      () => getSeriesBook(user, id, paper, true),
      () => getSeriesBook(user, id, paper),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
