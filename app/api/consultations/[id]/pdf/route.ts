import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { getBriefingPdf, getBriefingPdfKey, parseBriefingQuery } from "@/lib/domain/briefings/get-briefing-pdf";
import { errorResponse } from "@/lib/http";
import { etagMatches, notModified, pdfResponse } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const search = new URL(request.url).searchParams;
    const options = parseBriefingQuery(search);
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch) {
      const meta = await getBriefingPdfKey(user, id, options);
      if (etagMatches(ifNoneMatch, meta.key)) return notModified(meta.key);
    }
    const pdf = await getBriefingPdf(user, id, options);
    return pdfResponse(pdf.bytes as Uint8Array, pdf.key, pdf.fileName, search.get("download") === "1");
  } catch (error) {
    return errorResponse(error);
  }
}
