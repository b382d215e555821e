"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

interface State {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  sent?: number;
  body?: string;
}
type Action = (state: State, formData: FormData) => Promise<State>;

export interface Thread {
  id: string;
  section: string;
  rowId: string | null;
  version: number;
  body: string;
  author: string;
  createdAt: string;
  resolved: { by: string; at: string } | null;
  replies: { id: string; body: string; author: string; createdAt: string }[];
}

interface Props {
  id: string;
  threads: Thread[];
  sections: { value: string; label: string }[];
  rows: Record<string, { value: string; label: string }[]>;
  canDiscuss: boolean;
  add: Action;
  resolve: Action;
}

function Reply({ id, threadId, add }: { id: string; threadId: string; add: Action }) {
  const [state, action, pending] = useActionState(add, {});
  return (
    <form action={action} key={state.sent} className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="parentId" value={threadId} />
      <input type="hidden" name="section" value="general" />
      <label className="grow text-sm">
        <span className="sr-only">Reply</span>
        <textarea name="body" rows={1} defaultValue={state.body ?? ""} placeholder="Reply…" className="block w-full rounded-md border border-line px-3 py-1.5 text-sm" />
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Reply
      </Button>
      {state.message && <Alert className="w-full">{state.message}</Alert>}
    </form>
  );
}

function ResolveButton({ id, threadId, resolve }: { id: string; threadId: string; resolve: Action }) {
  const [state, action, pending] = useActionState(resolve, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="commentId" value={threadId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending}>
        Resolve
      </Button>
      {state.message && <Alert className="mt-1">{state.message}</Alert>}
    </form>
  );
}

/** Comments on the record's sections and rows: threads, replies, resolve. */
export function CommentsPanel({ id, threads, sections, rows, canDiscuss, add, resolve }: Props) {
  const [state, action, pending] = useActionState(add, {});
  const [section, setSection] = useState("general");
  const sectionLabel = (v: string) => sections.find((s) => s.value === v)?.label ?? v;
  const rowLabel = (s: string, r: string | null) => (r ? rows[s]?.find((x) => x.value === r)?.label ?? "a removed row" : null);
  const open = threads.filter((t) => !t.resolved);
  const closed = threads.filter((t) => t.resolved);
  const render = (t: Thread) => (
    <li key={t.id} className="rounded-md border border-line p-3">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">
        {sectionLabel(t.section)}
        {rowLabel(t.section, t.rowId) && ` — ${rowLabel(t.section, t.rowId)}`} · v{t.version}
      </p>
      <p className="mt-1 whitespace-pre-line text-sm">{t.body}</p>
      <p className="text-xs text-muted">{t.author}</p>
      {t.replies.map((r) => (
        <div key={r.id} className="ml-4 mt-2 border-l-2 border-line pl-3 text-sm">
          <p className="whitespace-pre-line">{r.body}</p>
          <p className="text-xs text-muted">{r.author}</p>
        </div>
      ))}
      {t.resolved ? (
        <p className="mt-1 text-xs text-ok">Resolved by {t.resolved.by}</p>
      ) : (
        canDiscuss && (
          <>
            <Reply id={id} threadId={t.id} add={add} />
            <ResolveButton id={id} threadId={t.id} resolve={resolve} />
          </>
        )
      )}
    </li>
  );
  return (
    <section aria-labelledby="comments-heading" className="rounded-lg border border-line bg-white p-4 shadow-sm">
      <h2 id="comments-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
        Comments <Badge tone={open.length ? "draft" : "neutral"}>{open.length} open</Badge>
      </h2>
      {open.length > 0 && (
        <ul className="mt-3 space-y-3" aria-label="Open comments">
          {open.map(render)}
        </ul>
      )}
      {canDiscuss && (
        <form action={action} key={state.sent} className="mt-4 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="id" value={id} />
          <label className="text-sm">
            <span className="block font-semibold">About</span>
            <Select name="section" value={section} onChange={(e) => setSection(e.target.value)} options={sections} />
          </label>
          <label className="text-sm">
            <span className="block font-semibold">Row</span>
            <Select name="rowId" disabled={!rows[section]?.length} placeholder="The whole section" options={rows[section] ?? []} />
          </label>
          <label className="text-sm sm:col-span-2">
            <span className="block font-semibold">New comment</span>
            <textarea
              name="body"
              rows={3}
              defaultValue={state.body ?? ""}
              aria-invalid={state.fieldErrors?.body ? true : undefined}
              aria-describedby={state.fieldErrors?.body ? "comment-body-error" : undefined}
              className="block w-full rounded-md border border-line px-3 py-2 text-sm"
            />
          </label>
          {state.fieldErrors?.body && (
            <p id="comment-body-error" className="text-sm font-medium text-danger sm:col-span-2">
              {state.fieldErrors.body.join(" ")}
            </p>
          )}
          {state.message && <Alert className="sm:col-span-2">{state.message}</Alert>}
          <div>
            <Button type="submit" size="sm" disabled={pending}>
              Add comment
            </Button>
          </div>
        </form>
      )}
      {closed.length > 0 && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-semibold">Resolved ({closed.length})</summary>
          <ul className="mt-2 space-y-3">{closed.map(render)}</ul>
        </details>
      )}
    </section>
  );
}
