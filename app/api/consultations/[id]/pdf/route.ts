import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getBriefingPdf, getBriefingPdfKey, parseBriefingQuery } from "@/lib/domain/briefings/get-briefing-pdf";
import { errorResponse } from "@/lib/http";
import { conditionalPdf } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const options = parseBriefingQuery(new URL(request.url).searchParams);
    return await conditionalPdf(
      request,
      () => getBriefingPdfKey(user, id, options),
      () => getBriefingPdf(user, id, options),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
