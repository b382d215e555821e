"use client";

// A client component though it is mostly static: only the rows' data travels in React's payload,
// not every element twice (decision 0012).
import Link from "next/link";
import { updateCommitmentStatusAction } from "@/app/(app)/commitments/actions";
import { StatusForm } from "@/components/commitments/status-form";
import { TableHead } from "@/components/ui/table-head";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";

// A type only: nothing of the server module reaches the browser.
import type { CommitmentRow } from "@/lib/domain/commitments/commitments";

export interface TrackerRow extends Pick<
  CommitmentRow,
  | "outcomeId"
  | "text"
  | "owner"
  | "dueDate"
  | "status"
  | "consultationId"
  | "consultationTitle"
  | "startDate"
  | "rounds"
> {
  /** For an editor, when the round is locked (to say why). */
  consultationStatus?: string;
  /** When editable: the version the status change saves against. */
  consultationVersion?: number;
  country: string;
  /** Open or in progress, and due before today. */
  late: boolean;
  /** The reader may change its status here (its round is editable). */
  editable: boolean;
}

const td = "px-4 py-3";

export function CommitmentsTable({ rows, mayEdit }: { rows: TrackerRow[]; mayEdit: boolean }) {
  return (
    // `relative`: the status forms' screen-reader-only labels are positioned; without it they
    // escaped the scrolling box and widened the whole page on a phone.
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Commitments</caption>
        <TableHead columns={["Commitment", "Owner", "Due", "Status", "Latest round"]} />
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.outcomeId} className="align-top">
              <td className={`max-w-md ${td}`}>
                {r.text}
                {r.rounds > 1 && (
                  <div className="text-xs text-muted">Carried through {r.rounds} rounds</div>
                )}
              </td>
              <td className={td}>{r.owner || <span className="text-muted">No owner</span>}</td>
              <td
                className={`whitespace-nowrap ${td} ${r.late ? "font-semibold text-danger" : ""}`}
              >
                {r.dueDate ? (
                  formatLongDate(r.dueDate)
                ) : (
                  <span className="text-muted">Not set</span>
                )}
                {r.late && <div className="text-xs">Overdue</div>}
              </td>
              <td className={td}>
                {r.editable && r.consultationVersion !== undefined ? (
                  <StatusForm
                    action={updateCommitmentStatusAction}
                    consultationId={r.consultationId}
                    outcomeId={r.outcomeId}
                    version={r.consultationVersion}
                    status={r.status}
                    text={r.text}
                  />
                ) : (
                  <>
                    {label(r.status)}
                    {mayEdit && r.consultationStatus && (
                      <div className="text-xs text-muted">
                        Its round is {label(r.consultationStatus).toLowerCase()}: change it there or
                        in the next round.
                      </div>
                    )}
                  </>
                )}
              </td>
              <td className={td}>
                <Link
                  href={`/consultations/${r.consultationId}`}
                  className="text-brand underline-offset-2 hover:underline"
                >
                  {r.consultationTitle}
                </Link>
                <div className="text-xs text-muted">
                  {formatLongDate(r.startDate)} · {r.country}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
