import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";

export interface ConsultationRow {
  id: string;
  title: string;
  startDate: Date;
  venueCity: string;
  country: string;
  classification: string;
  status: string;
}

export function ClassificationBadge({ value }: { value: string }) {
  return <Badge tone={value === "UNCLASSIFIED" ? "neutral" : "classified"}>{label(value)}</Badge>;
}

export function StatusBadge({ value }: { value: string }) {
  return <Badge tone={value === "APPROVED" ? "ok" : value === "ARCHIVED" ? "neutral" : "draft"}>{label(value)}</Badge>;
}

export function ConsultationTable({ rows, caption, empty = "No consultations yet." }: { rows: ConsultationRow[]; caption: string; empty?: string }) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-sm text-muted">{empty}</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">Title</th>
            <th scope="col" className="px-4 py-3 font-semibold">Date</th>
            <th scope="col" className="px-4 py-3 font-semibold">Venue</th>
            <th scope="col" className="px-4 py-3 font-semibold">Counterpart</th>
            <th scope="col" className="px-4 py-3 font-semibold">Classification</th>
            <th scope="col" className="px-4 py-3 font-semibold">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-surface/60">
              <td className="px-4 py-3 font-medium">
                <Link href={`/consultations/${r.id}`} className="text-brand underline-offset-2 hover:underline">
                  {r.title}
                </Link>
              </td>
              <td className="whitespace-nowrap px-4 py-3">{formatLongDate(r.startDate)}</td>
              <td className="px-4 py-3">{r.venueCity}</td>
              <td className="px-4 py-3">{r.country}</td>
              <td className="px-4 py-3"><ClassificationBadge value={r.classification} /></td>
              <td className="px-4 py-3"><StatusBadge value={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
