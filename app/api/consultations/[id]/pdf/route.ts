import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { briefingOptionsSchema, getBriefingPdf, getBriefingPdfKey } from "@/lib/domain/briefings/get-briefing-pdf";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { etagMatches, notModified, pdfResponse } from "@/lib/http-pdf";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const search = new URL(request.url).searchParams;
    const options = briefingOptionsSchema.safeParse({
      template: search.get("template") ?? undefined,
      paper: search.get("paper") ?? undefined,
      version: search.get("version") ?? undefined,
    });
    if (!options.success) {
      throw new AppError("INVALID_INPUT", "Unknown template, paper size or version (templates: briefing-note, one-page, public-readout; paper: A4, LETTER; version: current, approved).");
    }
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ifNoneMatch) {
      const meta = await getBriefingPdfKey(user, id, options.data);
      if (etagMatches(ifNoneMatch, meta.key)) return notModified(meta.key);
    }
    const pdf = await getBriefingPdf(user, id, options.data);
    return pdfResponse(pdf.bytes as Uint8Array, pdf.key, pdf.fileName, search.get("download") === "1");
  } catch (error) {
    return errorResponse(error);
  }
}
