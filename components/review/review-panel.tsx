"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { label } from "@/lib/validation/vocabulary";

interface ReviewFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: boolean;
}
type Action = (state: ReviewFormState, formData: FormData) => Promise<ReviewFormState>;

interface Props {
  id: string;
  version: number;
  status: string;
  reviews: { id: string; decision: string; comment: string; decidedAt: string | null; reviewer: string }[];
  history: { id: string; version: number; comment: string; reviewer: string }[];
  candidates: { id: string; name: string; role: string }[];
  canSubmit: boolean;
  needsNewVersion: boolean;
  canDecide: boolean;
  canRevise: boolean;
  actions: { submit: Action; decide: Action; revise: Action };
}

function Errors({ state, field }: { state: ReviewFormState; field: string }) {
  const list = state.fieldErrors?.[field];
  return list?.length ? (
    <p id={`review-${field}-error`} className="text-sm font-medium text-danger">
      {list.join(" ")}
    </p>
  ) : null;
}

/** Who reviews this version, what they decided, and the one step this user may take now. */
export function ReviewPanel(p: Props) {
  const [submitState, submit, submitting] = useActionState(p.actions.submit, {});
  const [decideState, decide, deciding] = useActionState(p.actions.decide, {});
  const [reviseState, revise, revising] = useActionState(p.actions.revise, {});
  const tone = (d: string) => (d === "APPROVED" ? "ok" : d === "CHANGES_REQUESTED" ? "classified" : "draft");

  return (
    <section aria-labelledby="review-heading" className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <h2 id="review-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Review
      </h2>
      <p className="mt-1 text-sm text-muted">A record is approved when every reviewer named for its version has approved; any change makes a new version, which needs every approval again. Nobody reviews their own draft.</p>

      {p.reviews.length > 0 && (
        <ul className="mt-3 space-y-2 text-sm" aria-label={`Reviews of version ${p.version}`}>
          {p.reviews.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{r.reviewer}</span> <Badge tone={tone(r.decision)}>{label(r.decision)}</Badge>
              {r.comment && <p className="mt-0.5 whitespace-pre-line text-muted">“{r.comment}”</p>}
            </li>
          ))}
        </ul>
      )}
      {p.status !== "IN_REVIEW" && p.history.length > 0 && (
        <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Changes requested earlier</p>
          {p.history.map((h) => (
            <p key={h.id}>
              {h.reviewer} on version {h.version}: “{h.comment}”
            </p>
          ))}
        </div>
      )}

      {p.needsNewVersion && <p className="mt-3 text-sm">Version {p.version} has been reviewed. Save your changes in the editor, then submit the new version.</p>}
      {p.canSubmit && (
        <form action={submit} className="mt-4 space-y-2">
          <input type="hidden" name="id" value={p.id} />
          <input type="hidden" name="version" value={p.version} />
          <fieldset aria-describedby={submitState.fieldErrors?.reviewerIds ? "review-reviewerIds-error" : undefined}>
            <legend className="text-sm font-semibold">Submit version {p.version} for review to</legend>
            {p.candidates.length === 0 && <p className="text-sm text-muted">No reviewer is cleared for this record.</p>}
            {p.candidates.map((c) => (
              <label key={c.id} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="reviewerIds" value={c.id} className="size-4 accent-brand" /> {c.name} <span className="text-muted">({label(c.role).toLowerCase()})</span>
              </label>
            ))}
          </fieldset>
          <Errors state={submitState} field="reviewerIds" />
          {submitState.message && <Alert>{submitState.message}</Alert>}
          <Button type="submit" size="sm" disabled={submitting || p.candidates.length === 0}>
            Submit for review
          </Button>
        </form>
      )}

      {p.canDecide && (
        <form action={decide} className="mt-4 space-y-2">
          <input type="hidden" name="id" value={p.id} />
          <label htmlFor="review-comment" className="block text-sm font-semibold">
            Comment
          </label>
          <textarea
            id="review-comment"
            name="comment"
            rows={3}
            aria-describedby={decideState.fieldErrors?.comment ? "review-comment-error" : undefined}
            aria-invalid={decideState.fieldErrors?.comment ? true : undefined}
            className="block w-full rounded-md border border-line px-3 py-2 text-sm"
          />
          <Errors state={decideState} field="comment" />
          {decideState.message && <Alert>{decideState.message}</Alert>}
          <div className="flex gap-2">
            <Button type="submit" size="sm" name="decision" value="APPROVE" disabled={deciding}>
              Approve version {p.version}
            </Button>
            <Button type="submit" size="sm" variant="secondary" name="decision" value="REQUEST_CHANGES" disabled={deciding}>
              Request changes
            </Button>
          </div>
        </form>
      )}

      {p.canRevise && (
        <form action={revise} className="mt-4">
          <input type="hidden" name="id" value={p.id} />
          {reviseState.message && <Alert className="mb-2">{reviseState.message}</Alert>}
          <Button type="submit" size="sm" variant="secondary" disabled={revising}>
            Start a revision
          </Button>
          <p className="mt-1 text-xs text-muted">The approved version stays as it is and downloadable.</p>
        </form>
      )}
    </section>
  );
}
