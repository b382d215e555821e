import { create as contentDisposition } from "content-disposition";
import { requireApiUser, requirePermission } from "@/lib/auth/current-user";
import { renderConsultationPdf } from "@/lib/domain/consultations/render-consultation-pdf";
import { errorResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await requireApiUser();
    requirePermission(user, "consultation:download");
    const { id } = await params;
    const pdf = await renderConsultationPdf(user, id);
    const download = new URL(request.url).searchParams.get("download") === "1";
    return new Response(new Uint8Array(pdf.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.bytes.length),
        "Content-Disposition": contentDisposition(pdf.fileName, { type: download ? "attachment" : "inline" }),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
