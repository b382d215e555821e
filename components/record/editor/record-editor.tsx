"use client";

import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  EditorContext,
  setIn,
  type EditorApi,
  type Path,
} from "@/components/record/editor/editor-context";
import { ConflictPanel, type ConflictState } from "@/components/record/editor/conflict-panel";
import {
  FactsSection,
  NextRoundSection,
  OptionsContext,
  type EditorOptions,
} from "@/components/record/editor/sections-facts";
import {
  DelegationSection,
  OutcomesSection,
  ReferencesSection,
  RegionalIssuesSection,
  SideMeetingsSection,
  TopicsSection,
} from "@/components/record/editor/sections-rows";
import { useLeaveWarning } from "@/components/record/editor/use-leave-warning";
import { OpenComments, OpenCommentsContext } from "@/components/record/editor/open-comments";
import type { OpenCommentMap } from "@/lib/record/comment-targets";
import { toForm, type RecordForm } from "@/lib/record/form";
import { applyClash, mergeForms } from "@/lib/record/merge";
import type { CommitmentStep } from "@/lib/domain/consultations/commitment-step";
import type { SaveActionResult } from "@/lib/domain/consultations/save-action-result";

export type SaveRecordAction = (
  id: string,
  baseVersion: number,
  data: RecordForm,
) => Promise<SaveActionResult>;

interface Props {
  id: string;
  version: number;
  initial: RecordForm;
  history: Record<string, CommitmentStep[]>;
  options: EditorOptions;
  save: SaveRecordAction;
  notice?: ReactNode;
  comments?: OpenCommentMap;
}

const SECTIONS = [
  ["facts", "Meeting facts"],
  ["delegations", "Delegations"],
  ["topics", "Topics discussed"],
  ["outcomes", "Outcomes"],
  ["regional", "Regional and global issues"],
  ["side-meetings", "Side meetings"],
  ["next-round", "Next round"],
  ["references", "References"],
] as const;

export function RecordEditor({
  id,
  version: initialVersion,
  initial,
  history,
  options,
  save,
  notice,
  comments = {},
}: Props) {
  const [form, setForm] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(saved), [form, saved]);
  useLeaveWarning(dirty);

  const api = useMemo<EditorApi>(
    () => ({
      form,
      errors,
      readOnly: false,
      set: (path: Path, value: unknown) => setForm((f) => setIn(f, path, value)),
      // Row positions change on add/remove/move: errors keyed by position would point at other rows.
      update: (fn) => {
        setForm(fn);
        setErrors({});
      },
    }),
    [form, errors],
  );

  const doSave = useCallback(
    async (data: RecordForm, baseVersion: number) => {
      setSaving(true);
      setMessage(null);
      try {
        const r = await save(id, baseVersion, data);
        if (r.status === "saved") {
          const fresh = toForm(r.data);
          setForm(fresh);
          setSaved(fresh);
          setVersion(r.version);
          setErrors({});
          setConflict(null);
          setMessage({ tone: "ok", text: `Saved as version ${r.version}.` });
        } else if (r.status === "invalid") {
          setErrors(r.fieldErrors);
          const n = Object.keys(r.fieldErrors).length;
          const general = r.fieldErrors._form?.join(" ");
          setMessage({
            tone: "error",
            text:
              general ??
              `${n} ${n === 1 ? "field needs" : "fields need"} attention. Nothing was saved; your text is still here.`,
          });
        } else if (r.status === "conflict") {
          const theirs = toForm(r.conflict.data);
          const { merged, clashes } = mergeForms(saved, data, theirs);
          setForm(merged);
          setSaved(theirs);
          setVersion(r.conflict.version);
          setErrors({});
          setConflict({
            version: r.conflict.version,
            savedBy: r.conflict.savedBy,
            savedAt: r.conflict.savedAt,
            base: saved,
            theirs,
            mine: data,
            clashes,
            takeTheirs: {},
          });
        } else {
          setMessage({
            tone: "error",
            text: `${r.message} Nothing was saved; your text is still here.`,
          });
        }
      } catch {
        setMessage({
          tone: "error",
          text: "The server could not be reached. Nothing was saved; your text is still here — try again.",
        });
      } finally {
        setSaving(false);
      }
    },
    [id, save, saved],
  );

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [errors]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (!saving) void doSave(form, version);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [doSave, form, version, saving]);

  const generalErrors = errors._form;
  return (
    <OptionsContext.Provider value={options}>
      <OpenCommentsContext.Provider value={comments}>
        <EditorContext.Provider value={api}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void doSave(form, version);
            }}
            className="space-y-6 pb-28"
          >
            {notice}
            <nav
              aria-label="Sections of the record"
              className="flex flex-wrap gap-x-4 gap-y-1 text-sm"
            >
              {SECTIONS.map(([anchor, title]) => (
                <a
                  key={anchor}
                  href={`#${anchor}`}
                  className="text-brand underline-offset-2 hover:underline"
                >
                  {title}
                </a>
              ))}
            </nav>
            {conflict && (
              <ConflictPanel
                conflict={conflict}
                saving={saving}
                onChoose={(clash, theirs) => {
                  setForm((f) => applyClash(f, clash, theirs ? clash.theirs : clash.mine));
                  setConflict((c) =>
                    c ? { ...c, takeTheirs: { ...c.takeTheirs, [clash.key]: theirs } } : c,
                  );
                }}
                onSaveMerged={() => void doSave(form, version)}
                onOverwrite={() => {
                  setForm(conflict.mine);
                  void doSave(conflict.mine, version);
                }}
                onTakeTheirs={() => {
                  if (
                    !window.confirm(
                      "Discard your changes and load the version just saved by your colleague?",
                    )
                  )
                    return;
                  setForm(conflict.theirs);
                  setConflict(null);
                }}
              />
            )}
            {generalErrors && <Alert>{generalErrors.join(" ")}</Alert>}
            <Section id="facts" title="Meeting facts">
              <FactsSection />
            </Section>
            <Section
              id="delegations"
              title="Delegations"
              description="In order of precedence: heads of delegation first."
            >
              <div className="grid gap-8 lg:grid-cols-2">
                <DelegationSection side="HOME" heading="Our delegation" />
                <DelegationSection side="COUNTERPART" heading="Counterpart delegation" />
              </div>
            </Section>
            <Section id="topics" title="Topics discussed">
              <TopicsSection />
            </Section>
            <Section
              id="outcomes"
              title="Outcomes"
              description="Commitments carry an owner, a due date and a status, and carry over to the next round while open."
            >
              <OutcomesSection history={history} />
            </Section>
            <Section id="regional" title="Regional and global issues">
              <RegionalIssuesSection />
            </Section>
            <Section id="side-meetings" title="Side meetings">
              <SideMeetingsSection />
            </Section>
            <Section id="next-round" title="Next round">
              <NextRoundSection />
            </Section>
            <Section id="references" title="References">
              <ReferencesSection />
            </Section>
            <div className="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-white/95 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur">
              <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
                <p
                  role="status"
                  aria-live="polite"
                  className={
                    message?.tone === "error"
                      ? "text-sm font-semibold text-danger"
                      : "text-sm text-muted"
                  }
                >
                  {message?.text ??
                    (dirty ? "Unsaved changes" : `Version ${version} · all changes saved`)}
                </p>
                <Button type="submit" disabled={saving}>
                  {saving ? "Saving…" : "Save"}
                </Button>
              </div>
            </div>
          </form>
        </EditorContext.Provider>
      </OpenCommentsContext.Provider>
    </OptionsContext.Provider>
  );
}

const COMMENT_SECTION: Record<string, string[]> = {
  facts: ["facts", "general"],
  delegations: ["participants"],
  topics: ["topics"],
  outcomes: ["outcomes"],
  regional: ["regionalIssues"],
  "side-meetings": ["sideMeetings"],
  "next-round": ["nextRound"],
  references: ["references"],
};

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-heading`} id={id} className="scroll-mt-4">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mb-4 mt-1 text-sm text-muted">{description}</p>}
      <div className={description ? "" : "mt-4"}>
        {(COMMENT_SECTION[id] ?? []).map((section) => (
          <OpenComments key={section} section={section} />
        ))}
        {children}
      </div>
    </Card>
  );
}
