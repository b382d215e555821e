import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/card";
import { RecordEditor } from "@/components/record/editor/record-editor";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission, visibleClassifications } from "@/lib/auth/permissions";
import { countryName, countryOptions } from "@/lib/countries";
import { isEditable } from "@/lib/domain/consultations/editable-statuses";
import { getCommitmentHistory } from "@/lib/domain/consultations/get-commitment-history";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { isAppError } from "@/lib/errors";
import { toForm } from "@/lib/record/form";
import { label } from "@/lib/validation/vocabulary";
import { saveRecordAction } from "./actions";
import { listComments } from "@/lib/domain/comments/comments";
import { commentKey, type OpenCommentMap } from "@/lib/record/comment-targets";

export const metadata: Metadata = { title: "Edit consultation" };

export default async function EditConsultationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const { id } = await params;
  const { from } = await searchParams;
  const user = await requireUser(`/consultations/${id}/edit`);
  const record = await getRecord(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const back = (
    <Link href={`/consultations/${id}`} className="font-semibold text-brand underline">
      Back to the record
    </Link>
  );
  if (!hasPermission(user, "consultation:edit")) return <Alert>Your role may read this record but not edit it. {back}</Alert>;
  if (!isEditable(record.status)) return <Alert>This record is {label(record.status).toLowerCase()} and locked for editing. {back}</Alert>;

  const origins = record.data.outcomes.flatMap((o) => (o.originId ? [o.originId] : []));
  const [history, threads] = await Promise.all([getCommitmentHistory(user, origins), listComments(user, id)]);
  const comments: OpenCommentMap = {};
  for (const t of threads.filter((x) => !x.resolved)) (comments[commentKey(t.section, t.rowId)] ??= []).push({ id: t.id, body: t.body, author: t.author });
  return (
    <>
      <PageHeader
        title={record.data.facts.title}
        description={`Editing · ${record.series.name} · last saved by ${record.updatedBy.name}`}
        actions={
          <Link href={`/consultations/${id}`} className="text-sm font-semibold text-brand underline">
            View record
          </Link>
        }
      />
      <RecordEditor
        id={id}
        version={record.version}
        initial={toForm(record.data)}
        history={history}
        save={saveRecordAction}
        comments={comments}
        options={{
          countries: countryOptions().map((c) => ({ value: c.code, label: c.name })),
          classifications: visibleClassifications(user.clearance).map((c) => ({ value: c, label: label(c) })),
          hostSides: [
            { value: "HOME", label: `${countryName(record.series.homeCountry)} (our side)` },
            { value: "COUNTERPART", label: record.series.counterpartCountries.map(countryName).join(", ") },
            { value: "JOINT", label: "Joint / neutral venue" },
          ],
        }}
        notice={
          from === "previous" ? (
            <Alert tone="info">
              Started from the previous round: confirm the delegations and the venue, and review the commitments carried over.
            </Alert>
          ) : undefined
        }
      />
    </>
  );
}
