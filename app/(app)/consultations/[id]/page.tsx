import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ClassificationBadge, StatusBadge } from "@/components/consultations/consultation-table";
import { requireUser } from "@/lib/auth/current-user";
import { getConsultation } from "@/lib/domain/consultations/get-consultation";
import { countryName } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { formatLongDate } from "@/lib/format";

export const metadata: Metadata = { title: "Consultation" };

async function load(user: Awaited<ReturnType<typeof requireUser>>, id: string) {
  try {
    return await getConsultation(user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function ConsultationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/consultations/${id}`);
  const record = await load(user, id);
  if (!record) notFound();
  const pdf = `/api/consultations/${record.id}/pdf`;
  return (
    <>
      <PageHeader
        title={record.title}
        description={`Version ${record.version} · drafted by ${record.createdBy.name}`}
        actions={
          <>
            <a href={pdf} target="_blank" rel="noopener" className={buttonVariants({ variant: "secondary" })}>
              Preview PDF
            </a>
            <a href={`${pdf}?download=1`} className={buttonVariants()} download>
              Download PDF
            </a>
          </>
        }
      />
      <Card className="max-w-3xl">
        <h2 className="mb-4 text-lg font-semibold">Meeting facts</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold text-muted">Date</dt>
          <dd>{formatLongDate(record.startDate)}</dd>
          <dt className="font-semibold text-muted">Venue</dt>
          <dd>{record.city}</dd>
          <dt className="font-semibold text-muted">Counterpart</dt>
          <dd>{countryName(record.counterpartCountry)}</dd>
          <dt className="font-semibold text-muted">Classification</dt>
          <dd><ClassificationBadge value={record.classification} /></dd>
          <dt className="font-semibold text-muted">Status</dt>
          <dd><StatusBadge value={record.status} /></dd>
        </dl>
      </Card>
    </>
  );
}
