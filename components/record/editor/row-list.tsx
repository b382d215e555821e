"use client";

import type { ReactNode } from "react";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useEditor } from "@/components/record/editor/editor-context";
import { OpenComments } from "@/components/record/editor/open-comments";
import type { AnyRow, RowSection } from "@/lib/record/form";

interface RowListProps {
  section: RowSection;
  /** Positions in the section's array, in the order shown (a subset for one delegation). */
  indices: number[];
  noun: string;
  addLabel: string;
  newRow: () => AnyRow;
  empty: string;
  children: (index: number, shownAs: number) => ReactNode;
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const copy = [...list];
  [copy[a], copy[b]] = [copy[b] as T, copy[a] as T];
  return copy;
}

/** A list of rows that can be added, removed and reordered with the keyboard alone. */
export function RowList({ section, indices, noun, addLabel, newRow, empty, children }: RowListProps) {
  const { form, update, readOnly } = useEditor();
  const rows = form[section] as unknown as AnyRow[];

  const edit = (fn: (list: AnyRow[]) => AnyRow[]) => update((f) => ({ ...f, [section]: fn(f[section] as unknown as AnyRow[]) }));
  const move = (at: number, by: -1 | 1) => {
    const other = indices[at + by];
    const self = indices[at];
    if (other !== undefined && self !== undefined) edit((list) => swap(list, self, other));
  };

  return (
    <div className="space-y-4">
      {indices.length === 0 && <p className="text-sm text-muted">{empty}</p>}
      <ol className="space-y-4">
        {indices.map((index, at) => {
          const row = rows[index];
          if (!row) return null;
          const name = `${noun} ${at + 1}`;
          return (
            <li key={row.id}>
              <fieldset className="rounded-md border border-line bg-surface/50 p-4">
                <legend className="px-1 text-sm font-semibold">{name}</legend>
                <OpenComments section={section} rowId={row.id} />
                {children(index, at + 1)}
                {!readOnly && (
                  <div className="mt-3 flex flex-wrap justify-end gap-2">
                    <Button type="button" variant="secondary" size="sm" disabled={at === 0} onClick={() => move(at, -1)} aria-label={`Move ${name} up`}>
                      <ArrowUp aria-hidden className="size-3.5" /> Up
                    </Button>
                    <Button
                      type="button"
                      variant="secondary"
                      size="sm"
                      disabled={at === indices.length - 1}
                      onClick={() => move(at, 1)}
                      aria-label={`Move ${name} down`}
                    >
                      <ArrowDown aria-hidden className="size-3.5" /> Down
                    </Button>
                    <Button type="button" variant="secondary" size="sm" onClick={() => edit((list) => list.filter((r) => r.id !== row.id))} aria-label={`Remove ${name}`}>
                      <Trash2 aria-hidden className="size-3.5" /> Remove
                    </Button>
                  </div>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && (
        <Button type="button" variant="secondary" onClick={() => edit((list) => [...list, newRow()])}>
          <Plus aria-hidden className="size-4" /> {addLabel}
        </Button>
      )}
    </div>
  );
}
