"use client";

// Client components on purpose, though they need no interactivity: a long list rendered on the
// server travels twice (as HTML and as React's payload of every element); here only the rows'
// data travels in the payload and the markup is made from it (decision 0012).
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { ClassificationBadge, StatusBadge } from "@/components/consultations/badges";
import { Highlighted } from "@/components/consultations/highlighted";
import { TableHead } from "@/components/ui/table-head";
import { formatLongDate } from "@/lib/format";

export interface ConsultationRow {
  id: string;
  title: string;
  startDate: Date;
  venueCity: string;
  country: string;
  classification: string;
  status: string;
}

const td = "px-4 py-3";

const COLUMNS = ["Title", "Date", "Venue", "Counterpart", "Classification", "Status"] as const;

/** Date, venue, counterpart, classification and status: the columns both tables share. */
function Cells({ r }: { r: ConsultationRow }) {
  return (
    <>
      <td className={`whitespace-nowrap ${td}`}>{formatLongDate(r.startDate)}</td>
      <td className={td}>{r.venueCity}</td>
      <td className={td}>{r.country}</td>
      <td className={td}>
        <ClassificationBadge value={r.classification} />
      </td>
      <td className={td}>
        <StatusBadge value={r.status} />
      </td>
    </>
  );
}

export function ConsultationTable({
  rows,
  caption,
  empty = "No consultations yet.",
}: {
  rows: ConsultationRow[];
  caption: string;
  empty?: string;
}) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-sm text-muted">
        {empty}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHead columns={COLUMNS} />
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-surface/60">
              <td className={`${td} font-medium`}>
                <Link
                  href={`/consultations/${r.id}`}
                  className="text-brand underline-offset-2 hover:underline"
                >
                  {r.title}
                </Link>
              </td>
              <Cells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface SearchResultRow extends ConsultationRow {
  /** The title with the matched words between \u0002 and \u0003 (see Highlighted). */
  titleHighlight: string | null;
  /** Part of the summary with a match, or null. */
  snippet: string | null;
  seriesName: string;
}

/** The consultations list's results: matched words highlighted, a snippet of the summary; with
 * `bookable`, a checkbox on each row that may go in a briefing book (every row, or the approved
 * ones for a reader who may download approved briefings only), and a BookBar for the chosen. */
export function SearchResultsTable({ rows, bookable = false }: { rows: SearchResultRow[]; bookable?: "all" | "approved" | false }) {
  const [picked, setPicked] = useState<string[]>([]);
  const eligible = rows.filter((r) => bookable === "all" || (bookable === "approved" && r.status === "APPROVED"));
  // Only what is on this page counts (the list page gives each search and page a table of its own).
  const chosen = picked.filter((id) => eligible.some((r) => r.id === id));
  const all = eligible.length > 0 && chosen.length === eligible.length;
  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = chosen.length > 0 && !all;
  }, [chosen.length, all]);
  const toggle = (id: string, on: boolean) =>
    setPicked((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));
  return (
    <>
      {bookable && <BookBar chosen={chosen} approvedOnly={bookable === "approved"} onClear={() => setPicked([])} />}
      <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Consultations</caption>
          <TableHead
            columns={COLUMNS}
            lead={
              bookable ? (
                <input
                  ref={allBox}
                  type="checkbox"
                  className="size-4 accent-brand"
                  aria-label="Choose every consultation on this page for a briefing book"
                  checked={all}
                  disabled={eligible.length === 0}
                  onChange={(e) => setPicked(e.target.checked ? eligible.map((r) => r.id) : [])}
                />
              ) : undefined
            }
          />
          <tbody className="divide-y divide-line">
            {rows.map((r) => (
              <tr key={r.id} className="align-top hover:bg-surface/60">
                {bookable && (
                  <td className="w-10 py-3 pl-4">
                    {eligible.includes(r) && (
                      <input
                        type="checkbox"
                        className="size-4 accent-brand"
                        aria-label={`Choose “${r.title}” for a briefing book`}
                        checked={chosen.includes(r.id)}
                        onChange={(e) => toggle(r.id, e.target.checked)}
                      />
                    )}
                  </td>
                )}
                <td className={td}>
                  <Link
                    href={`/consultations/${r.id}`}
                    className="font-medium text-brand underline-offset-2 hover:underline"
                  >
                    {r.titleHighlight ? <Highlighted text={r.titleHighlight} /> : r.title}
                  </Link>
                  <div className="text-xs text-muted">{r.seriesName}</div>
                  {r.snippet && (
                    <p className="mt-1 text-xs text-ink/80">
                      <Highlighted text={r.snippet} />
                    </p>
                  )}
                </td>
                <Cells r={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The file name a response offers (RFC 6266: the UTF-8 `filename*` first). */
function offeredName(disposition: string | null): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? "")?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]+)"/i.exec(disposition ?? "")?.[1] ?? "briefing book.pdf";
}

/**
 * The chosen consultations as one briefing book. Fetched rather than followed as a link, so that
 * a refusal (a record reclassified or deleted meanwhile) is said here, not shown as raw JSON.
 */
function BookBar({ chosen, approvedOnly, onClear }: { chosen: string[]; approvedOnly: boolean; onClear: () => void }) {
  const [paper, setPaper] = useState<"A4" | "LETTER">("A4");
  const [busy, setBusy] = useState(false);
  // A refusal is shown for the choice it was made for, and goes when the choice changes.
  const [refusal, setRefusal] = useState<{ choice: string; message: string } | null>(null);
  const n = chosen.length;
  const idle = n > 0 && !busy;
  const choice = chosen.join();
  // A refusal goes as soon as the choice changes (it does not come back with the same choice).
  if (refusal && refusal.choice !== choice) setRefusal(null);
  const error = refusal?.choice === choice ? refusal.message : null;
  const setError = (message: string) => setRefusal({ choice, message });
  const download = async () => {
    if (!idle) return;
    setBusy(true);
    setRefusal(null);
    try {
      const query = new URLSearchParams([...chosen.map((id) => ["id", id]), ["paper", paper], ["download", "1"]]);
      const response = await fetch(`/api/books?${query.toString()}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setError(body?.error?.message ?? "The briefing book could not be made. Try again in a moment.");
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = offeredName(response.headers.get("content-disposition"));
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setError("The briefing book could not be fetched: check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  // aria-disabled, not disabled: a button that is pressed and then disabled drops the keyboard
  // focus to the page's start.
  const off = "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
  return (
    <section aria-label="Briefing book of chosen consultations" aria-busy={busy} className="mb-3 rounded-lg border border-line bg-white p-3 text-sm shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <p aria-live="polite" className="min-w-0 flex-1 text-muted">
          {n === 0
            ? `Tick ${approvedOnly ? "approved " : ""}consultations on this page to put them in one briefing book.`
            : `${n} ${n === 1 ? "consultation" : "consultations"} chosen for a briefing book, in date order.`}
        </p>
        <label className="flex items-center gap-2 font-semibold text-ink">
          Paper
          <select
            value={paper}
            onChange={(e) => setPaper(e.target.value as "A4" | "LETTER")}
            className="rounded-md border border-line bg-white px-2 py-1 font-normal"
          >
            <option value="A4">A4</option>
            <option value="LETTER">US Letter</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => n > 0 && onClear()}
          aria-disabled={n === 0}
          className={`${buttonVariants({ variant: "secondary" })} ${off}`}
        >
          Clear
        </button>
        <button type="button" onClick={download} aria-disabled={!idle} className={`${buttonVariants()} ${off}`}>
          {busy ? "Preparing the briefing book…" : "Download briefing book"}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-danger">
          {error}
        </p>
      )}
    </section>
  );
}
