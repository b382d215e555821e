import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ClassificationBadge, StatusBadge } from "@/components/consultations/badges";
import { RecordView } from "@/components/record/record-view";
import { StartNextRoundButton } from "@/components/record/start-next-round-button";
import { PdfMenu } from "@/components/record/pdf-menu";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { countryName } from "@/lib/countries";
import { isEditable } from "@/lib/domain/consultations/editable-statuses";
import { getCommitmentHistory } from "@/lib/domain/consultations/get-commitment-history";
import { getRecord } from "@/lib/domain/consultations/get-record";
import { isAppError } from "@/lib/errors";
import { startNextRoundAction } from "./actions";
import { decideReviewAction, startRevisionAction, submitForReviewAction } from "./review-actions";
import { ReviewPanel } from "@/components/review/review-panel";
import { CommentsPanel } from "@/components/comments/comments-panel";
import { listComments } from "@/lib/domain/comments/comments";
import { commentTargets } from "@/lib/record/comment-targets";
import { addCommentAction, resolveCommentAction } from "./comment-actions";
import { getReviewState } from "@/lib/domain/review/get-review-state";

export const metadata: Metadata = { title: "Consultation" };

export default async function ConsultationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/consultations/${id}`);
  const record = await getRecord(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const origins = record.data.outcomes.flatMap((o) => (o.originId ? [o.originId] : []));
  const [history, review, threads] = await Promise.all([getCommitmentHistory(user, origins), getReviewState(user, record), listComments(user, record.id)]);
  const targets = commentTargets(record.data);
  const pdf = `/api/consultations/${record.id}/pdf`;
  const canEdit = hasPermission(user, "consultation:edit") && isEditable(record.status);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/series/${record.series.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
          {record.series.name}
        </Link>
      </p>
      <PageHeader
        title={record.data.facts.title}
        description={`Version ${record.version} · drafted by ${record.createdBy.name} · last saved by ${record.updatedBy.name}`}
        actions={
          <>
            {canEdit && (
              <Link href={`/consultations/${record.id}/edit`} className={buttonVariants()}>
                Edit
              </Link>
            )}
            <Link href={`/consultations/${record.id}/history`} className={buttonVariants({ variant: "secondary" })}>
              Versions
            </Link>
            <a href={pdf} target="_blank" rel="noopener" className={buttonVariants({ variant: "secondary" })}>
              Preview PDF
            </a>
            <a href={`${pdf}?download=1`} className={buttonVariants({ variant: "secondary" })} download>
              Download PDF
            </a>
          </>
        }
      />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <ClassificationBadge value={record.data.facts.classification} />
        <StatusBadge value={record.status} />
        {hasPermission(user, "consultation:create") && (
          <div className="ml-auto">
            <StartNextRoundButton previousId={record.id} action={startNextRoundAction} />
          </div>
        )}
      </div>
      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          {record.status === "APPROVED" || hasPermission(user, "consultation:download-draft") ? (
            <PdfMenu base={pdf} approved={record.status === "APPROVED"} />
          ) : (
            record.approvedVersion === null && (
              <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-700">
                Briefing PDFs are available to you once this record is approved.
              </p>
            )
          )}
          {record.approvedVersion !== null && record.status !== "APPROVED" && (
            <PdfMenu base={pdf} approvedVersion={record.approvedVersion} approved />
          )}
        </div>
        <ReviewPanel
          id={record.id}
          version={record.version}
          status={record.status}
          reviews={review.reviews.map((r) => ({ id: r.id, decision: r.decision, comment: r.comment, decidedAt: r.decidedAt?.toISOString() ?? null, reviewer: r.reviewer.name }))}
          history={review.history.map((h) => ({ id: h.id, version: h.version, comment: h.comment, reviewer: h.reviewer.name }))}
          candidates={review.candidates}
          canSubmit={review.canSubmit}
          needsNewVersion={review.needsNewVersion}
          canDecide={review.canDecide}
          canRevise={review.canRevise}
          actions={{ submit: submitForReviewAction, decide: decideReviewAction, revise: startRevisionAction }}
        />
      </div>
      <div className="mb-6">
        <CommentsPanel
          id={record.id}
          threads={threads}
          sections={targets.sections}
          rows={targets.rows}
          canDiscuss={hasPermission(user, "consultation:review") || hasPermission(user, "consultation:edit")}
          add={addCommentAction}
          resolve={resolveCommentAction}
        />
      </div>
      <RecordView
        data={record.data}
        history={history}
        countryName={countryName}
        homeCountry={record.series.homeCountry}
        counterpart={record.series.counterpartCountries.map(countryName).join(", ")}
      />
    </>
  );
}
