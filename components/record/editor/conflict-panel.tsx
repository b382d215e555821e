"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { diffForms, show } from "@/lib/record/diff";
import type { Clash } from "@/lib/record/merge";
import type { RecordForm } from "@/lib/record/form";

export interface ConflictState {
  version: number;
  savedBy: string;
  savedAt: string;
  base: RecordForm | null;
  theirs: RecordForm;
  mine: RecordForm;
  clashes: Clash[];
  /** For each clash key, whether the merged form takes their value. */
  takeTheirs: Record<string, boolean>;
}

interface Props {
  conflict: ConflictState;
  onChoose: (clash: Clash, theirs: boolean) => void;
  onSaveMerged: () => void;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
  saving: boolean;
}

const clip = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** Shown when someone else saved first: what they changed, where we clash, and the ways out. */
export function ConflictPanel({ conflict, onChoose, onSaveMerged, onOverwrite, onTakeTheirs, saving }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const theirChanges = conflict.base ? diffForms(conflict.base, conflict.theirs) : [];
  const when = new Date(conflict.savedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

  return (
    <section aria-labelledby="conflict-heading" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-5 shadow">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1} className="text-lg font-bold text-amber-950">
        {conflict.savedBy} saved this record while you were editing (version {conflict.version}, {when})
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        Nothing of yours has been lost or saved yet. The editor below now holds both: their changes, and yours where you changed
        something. Check the list, then save.
      </p>

      {theirChanges.length > 0 && (
        <details className="mt-4" open={theirChanges.length <= 8}>
          <summary className="cursor-pointer text-sm font-semibold">What {conflict.savedBy} changed ({theirChanges.length})</summary>
          <ul className="mt-2 space-y-1 text-sm">
            {theirChanges.map((c, i) => (
              <li key={i}>
                <span className="font-medium">{c.label}</span>: {c.kind === "changed" ? <>{clip(c.before)} → {clip(c.after)}</> : c.kind}
              </li>
            ))}
          </ul>
        </details>
      )}

      {conflict.clashes.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold">You both changed {conflict.clashes.length === 1 ? "this" : "these"} — choose which text to keep:</h3>
          <ul className="mt-2 space-y-3">
            {conflict.clashes.map((clash) => {
              const theirs = conflict.takeTheirs[clash.key] ?? false;
              return (
                <li key={clash.key} className="rounded border border-amber-300 bg-white p-3 text-sm">
                  <p className="font-medium">{clash.label}</p>
                  <div className="mt-2 grid gap-3 sm:grid-cols-2">
                    <label className="block">
                      <span className="text-xs font-semibold uppercase text-muted">Yours</span>
                      <textarea readOnly value={show(clash.mine)} rows={3} className="mt-1 block w-full rounded border border-line bg-surface p-2" />
                    </label>
                    <label className="block">
                      <span className="text-xs font-semibold uppercase text-muted">{conflict.savedBy}’s</span>
                      <textarea readOnly value={show(clash.theirs)} rows={3} className="mt-1 block w-full rounded border border-line bg-surface p-2" />
                    </label>
                  </div>
                  <fieldset className="mt-2 flex gap-4">
                    <legend className="sr-only">Keep which text for {clash.label}</legend>
                    <label className="flex items-center gap-1.5">
                      <input type="radio" name={clash.key} checked={!theirs} onChange={() => onChoose(clash, false)} /> Keep mine
                    </label>
                    <label className="flex items-center gap-1.5">
                      <input type="radio" name={clash.key} checked={theirs} onChange={() => onChoose(clash, true)} /> Use theirs
                    </label>
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      <div className="mt-5 flex flex-wrap gap-3">
        <Button type="button" onClick={onSaveMerged} disabled={saving}>
          Save the combined version
        </Button>
        <Button type="button" variant="secondary" onClick={onOverwrite} disabled={saving}>
          Overwrite with exactly my version
        </Button>
        <Button type="button" variant="secondary" onClick={onTakeTheirs} disabled={saving}>
          Discard my changes, load theirs
        </Button>
      </div>
    </section>
  );
}
