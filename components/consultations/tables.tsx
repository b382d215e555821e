"use client";

// Client components on purpose, though they need no interactivity: a long list rendered on the
// server travels twice (as HTML and as React's payload of every element); here only the rows'
// data travels in the payload and the markup is made from it (decision 0012).
import Link from "next/link";
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

/** The consultations list's results: matched words highlighted, a snippet of the summary. */
export function SearchResultsTable({ rows }: { rows: SearchResultRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Consultations</caption>
        <TableHead columns={COLUMNS} />
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} className="align-top hover:bg-surface/60">
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
  );
}
