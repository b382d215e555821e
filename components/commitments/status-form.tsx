"use client";

import { startTransition, useActionState, useState } from "react";
import type { CommitmentFormState, updateCommitmentStatusAction } from "@/app/(app)/commitments/actions";
import { COMMITMENT_STATUSES, label } from "@/lib/validation/vocabulary";

/** The status of one commitment, changed in place (a save of its record, audited). */
export function StatusForm({
  action,
  consultationId,
  outcomeId,
  version,
  status,
  text,
}: {
  action: typeof updateCommitmentStatusAction;
  consultationId: string;
  outcomeId: string;
  version: number;
  status: string;
  text: string;
}) {
  const [state, formAction, pending] = useActionState<CommitmentFormState, FormData>(action, {});
  // Controlled, so that React's reset of a submitted form does not show the old status again.
  const [value, setValue] = useState(status);
  const id = `status-${outcomeId}`;
  return (
    <form
      action={formAction}
      // Submitted by hand: React would reset the form after the action, and a reset puts the
      // select back on the status it was rendered with (without JavaScript, the action still runs).
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="consultationId" value={consultationId} />
      <input type="hidden" name="outcomeId" value={outcomeId} />
      <input type="hidden" name="version" value={Math.max(version, state.version ?? 0)} />
      <label htmlFor={id} className="sr-only">
        Status of “{text.length > 60 ? `${text.slice(0, 60)}…` : text}”
      </label>
      <select id={id} name="status" value={value} onChange={(e) => setValue(e.target.value)} className="rounded-md border border-line bg-white px-2 py-1 text-sm" aria-describedby={state.message ? `${id}-msg` : undefined}>
        {COMMITMENT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {label(s)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending} className="rounded-md border border-line bg-white px-2 py-1 text-xs font-semibold text-brand hover:bg-surface disabled:opacity-60">
        {pending ? "Saving…" : "Update"}
      </button>
      <span id={`${id}-msg`} role="status" className={state.message ? "w-full text-xs text-danger" : "sr-only"}>
        {state.message ?? (state.done && state.status ? `Status set to ${label(state.status).toLowerCase()}.` : "")}
      </span>
    </form>
  );
}
