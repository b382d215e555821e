import "server-only";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasPermission, type Actor } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/domain/audit/write-audit";
import { getConsultation } from "@/lib/domain/consultations/get-consultation";
import { countryName } from "@/lib/countries";
import { documentReference } from "@/lib/pdf/document-meta";
import { renderBriefing } from "@/lib/pdf/render";
import { formatIsoDate } from "@/lib/format";

export interface RenderedPdf {
  bytes: Buffer;
  fileName: string;
}

export async function renderConsultationPdf(actor: Actor, id: string): Promise<RenderedPdf> {
  if (!hasPermission(actor, "consultation:download")) throw new AppError("FORBIDDEN", "You may not download briefings.");
  const record = await getConsultation(actor, id);
  const startDate = formatIsoDate(record.startDate);
  const bytes = await renderBriefing({
    template: "briefing-note",
    paper: "A4",
    meta: {
      reference: documentReference(record.id, record.startDate),
      version: record.version,
      classification: record.classification,
      approved: record.status === "APPROVED",
    },
    data: {
      title: record.title,
      startDate,
      city: record.venueCity,
      counterpartCountry: countryName(record.counterpartCountry),
      classification: record.classification,
      status: record.status.replace("_", " "),
      createdBy: record.createdBy.name,
      updatedAt: record.updatedAt,
    },
  });
  if (record.classification !== "UNCLASSIFIED") {
    await prisma.$transaction((tx) =>
      writeAudit(tx, {
        actorId: actor.id,
        action: "consultation.download",
        entityType: "consultation",
        entityId: record.id,
        details: { version: record.version, classification: record.classification },
      }),
    );
  }
  return { bytes, fileName: `${startDate} ${record.title} — briefing note v${record.version}.pdf` };
}
