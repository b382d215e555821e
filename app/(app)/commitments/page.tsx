import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { StatusForm } from "@/components/commitments/status-form";
import { requireUser, requirePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listCommitments, parseCommitmentFilters, type CommitmentFilters } from "@/lib/domain/commitments/commitments";
import { isEditable } from "@/lib/domain/consultations/editable-statuses";
import { countryName, countryOptions } from "@/lib/countries";
import { formatLongDate } from "@/lib/format";
import { COMMITMENT_STATUSES, label } from "@/lib/validation/vocabulary";
import { updateCommitmentStatusAction } from "./actions";

export const metadata: Metadata = { title: "Commitments" };

const control = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-sm";

function query(f: CommitmentFilters, change: Partial<CommitmentFilters> = {}): string {
  const merged = { ...f, ...change };
  return new URLSearchParams(Object.entries(merged).filter(([, v]) => v) as [string, string][]).toString();
}

export default async function CommitmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/commitments");
  requirePermission(user, "consultation:read");
  const { filters, ignored } = parseCommitmentFilters(await searchParams);
  const { rows, next } = await listCommitments(user, filters);
  const countries = countryOptions().map((c) => ({ value: c.code, label: c.name }));
  const mayEdit = hasPermission(user, "consultation:edit");
  const today = new Date().toISOString().slice(0, 10);
  const exportQuery = query({ ...filters, after: undefined });
  return (
    <>
      <PageHeader
        title="Commitments"
        description="Every commitment you are cleared to see, once, as it stands in the latest round that carries it: soonest due first."
        actions={
          <a href={`/api/commitments/export${exportQuery ? `?${exportQuery}` : ""}`} className={buttonVariants({ variant: "secondary" })}>
            Download CSV
          </a>
        }
      />
      <form role="search" aria-label="Filter commitments" method="get" action="/commitments" className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6">
        <div className="space-y-1">
          <label htmlFor="c-country" className="block text-xs font-semibold">Counterpart country</label>
          <select id="c-country" name="country" defaultValue={filters.country ?? ""} className={control}>
            <option value="">Any</option>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>{c.label}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="c-owner" className="block text-xs font-semibold">Owner contains</label>
          <input id="c-owner" name="owner" defaultValue={filters.owner ?? ""} maxLength={200} className={control} />
        </div>
        <div className="space-y-1">
          <label htmlFor="c-status" className="block text-xs font-semibold">Status</label>
          <select id="c-status" name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">Any</option>
            {COMMITMENT_STATUSES.map((s) => (
              <option key={s} value={s}>{label(s)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="c-due" className="block text-xs font-semibold">Due</label>
          <select id="c-due" name="due" defaultValue={filters.due ?? ""} className={control}>
            <option value="">Any time</option>
            <option value="overdue">Overdue (still open)</option>
            <option value="30days">Within 30 days (still open)</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="c-from" className="block text-xs font-semibold">Due from</label>
          <input id="c-from" name="dueFrom" type="date" defaultValue={filters.dueFrom ?? ""} className={control} />
        </div>
        <div className="space-y-1">
          <label htmlFor="c-to" className="block text-xs font-semibold">Due by</label>
          <input id="c-to" name="dueTo" type="date" defaultValue={filters.dueTo ?? ""} className={control} />
        </div>
        <div className="flex items-center gap-4 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonVariants()}>Apply filters</button>
          <Link href="/commitments" className="text-sm font-semibold text-brand underline-offset-2 hover:underline">Clear</Link>
          {ignored.length > 0 && <p role="alert" className="text-sm text-danger">Not understood, so not applied: {ignored.join(", ")}.</p>}
        </div>
      </form>

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-sm text-muted">No commitment matches.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Commitments</caption>
            <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">Commitment</th>
                <th scope="col" className="px-4 py-3 font-semibold">Owner</th>
                <th scope="col" className="px-4 py-3 font-semibold">Due</th>
                <th scope="col" className="px-4 py-3 font-semibold">Status</th>
                <th scope="col" className="px-4 py-3 font-semibold">Latest round</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((r) => {
                const due = r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null;
                const late = due !== null && due < today && (r.status === "OPEN" || r.status === "IN_PROGRESS");
                return (
                  <tr key={r.outcomeId} className="align-top">
                    <td className="max-w-md px-4 py-3">
                      {r.text}
                      {r.rounds > 1 && <div className="text-xs text-muted">Carried through {r.rounds} rounds</div>}
                    </td>
                    <td className="px-4 py-3">{r.owner || <span className="text-muted">No owner</span>}</td>
                    <td className={`whitespace-nowrap px-4 py-3 ${late ? "font-semibold text-danger" : ""}`}>
                      {r.dueDate ? formatLongDate(r.dueDate) : <span className="text-muted">Not set</span>}
                      {late && <div className="text-xs">Overdue</div>}
                    </td>
                    <td className="px-4 py-3">
                      {mayEdit && isEditable(r.consultationStatus as never) ? (
                        <StatusForm action={updateCommitmentStatusAction} consultationId={r.consultationId} outcomeId={r.outcomeId} version={r.consultationVersion} status={r.status} text={r.text} />
                      ) : (
                        <>
                          {label(r.status)}
                          {mayEdit && <div className="text-xs text-muted">Its round is {label(r.consultationStatus).toLowerCase()}: change it there or in the next round.</div>}
                        </>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <Link href={`/consultations/${r.consultationId}`} className="text-brand underline-offset-2 hover:underline">{r.consultationTitle}</Link>
                      <div className="text-xs text-muted">{formatLongDate(r.startDate)} · {countryName(r.counterpartCountry)}</div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {(filters.after || next) && (
        <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
          {filters.after && <Link href={`/commitments?${query(filters, { after: undefined })}`} className="font-semibold text-brand hover:underline">← First page</Link>}
          {next && <Link href={`/commitments?${query(filters, { after: next })}`} className="font-semibold text-brand hover:underline">Next page →</Link>}
        </nav>
      )}
    </>
  );
}
