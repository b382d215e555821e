"use client";

// Client components though they are static: only the rows' data travels in React's payload, not
// every element twice (decision 0012). Names and dates come ready from the page.
import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";

// A type only: nothing of the server module reaches the browser.
import type { CommitmentRow } from "@/lib/domain/commitments/commitments";

export interface DashboardCommitment extends Pick<
  CommitmentRow,
  "outcomeId" | "text" | "owner" | "dueDate" | "status" | "consultationId"
> {
  country: string;
}

export function Commitments({
  caption,
  list,
  empty,
  filter,
}: {
  caption: string;
  list: DashboardCommitment[];
  empty: string;
  filter: string;
}) {
  if (list.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">
        {empty}
      </p>
    );
  return (
    <div className="rounded-lg border border-line bg-white shadow-sm">
      {/* The narrowest phones (320 px) scroll the table, not the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <TableHead columns={["Commitment", "Owner", "Due"]} dense />
          <tbody className="divide-y divide-line">
            {list.map((c) => (
              <tr key={c.outcomeId} className="align-top">
                <td className="px-4 py-2">
                  <Link
                    href={`/consultations/${c.consultationId}`}
                    className="text-brand underline-offset-2 hover:underline"
                  >
                    {c.text}
                  </Link>
                  <div className="text-xs text-muted">
                    {label(c.status)} · {c.country}
                  </div>
                </td>
                <td className="px-4 py-2">
                  {c.owner || <span className="text-muted">No owner</span>}
                </td>
                {/* On one line where there is room; a phone's narrow column wraps it. */}
                <td className="px-4 py-2 sm:whitespace-nowrap">
                  {c.dueDate ? formatLongDate(c.dueDate) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="border-t border-line px-4 py-2 text-sm">
        <Link
          href={`/commitments?due=${filter}`}
          className="font-semibold text-brand underline-offset-2 hover:underline"
        >
          All of them in the tracker →
        </Link>
      </p>
    </div>
  );
}

export interface UpcomingItem {
  id: string;
  title: string;
  seriesName: string;
  /** "City, Country", or "place to be fixed". */
  place: string;
  /** The date, or "Date to be fixed". */
  when: string;
}

export function Upcoming({ rounds }: { rounds: UpcomingItem[] }) {
  if (rounds.length === 0)
    return (
      <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">
        No next round is planned.
      </p>
    );
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-white text-sm shadow-sm">
      {rounds.map((r) => (
        <li key={r.id} className="px-4 py-2">
          <span className="font-semibold">{r.when}</span> — {r.seriesName}, {r.place}
          <div className="text-xs text-muted">
            As planned at{" "}
            {/* Underlined: a link inside a line of text must not be told apart by colour alone. */}
            <Link
              href={`/consultations/${r.id}`}
              className="text-brand underline underline-offset-2"
            >
              {r.title}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}
