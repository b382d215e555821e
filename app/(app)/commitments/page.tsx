import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { CommitmentsTable } from "@/components/commitments/commitments-table";
import { requireUser, requirePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listCommitments, parseCommitmentFilters, type CommitmentFilters } from "@/lib/domain/commitments/commitments";
import { isEditable } from "@/lib/domain/consultations/editable-statuses";
import { countryName } from "@/lib/countries";
import { CountrySelect } from "@/components/ui/country-select";
import { COMMITMENT_STATUSES, label } from "@/lib/validation/vocabulary";
import { readThrough } from "@/lib/read-cache";

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
  const today = new Date().toISOString().slice(0, 10);
  // The day is in the key: "overdue" and "due within 30 days" move with it.
  const { rows, next } = await readThrough(user.snapshot, ["commitments", user.clearance, filters, today], () => listCommitments(user, filters));
  const mayEdit = hasPermission(user, "consultation:edit");
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
          <CountrySelect id="c-country" name="country" defaultValue={filters.country} className={control} />
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
        <CommitmentsTable
          mayEdit={mayEdit}
          rows={rows.map((r) => {
            const due = r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null;
            const editable = mayEdit && isEditable(r.consultationStatus as never);
            return {
              outcomeId: r.outcomeId,
              text: r.text,
              owner: r.owner,
              dueDate: r.dueDate,
              status: r.status,
              consultationId: r.consultationId,
              consultationTitle: r.consultationTitle,
              // Only where the status form needs them (it saves against the round's version).
              consultationStatus: mayEdit && !editable ? r.consultationStatus : undefined,
              consultationVersion: editable ? r.consultationVersion : undefined,
              startDate: r.startDate,
              country: countryName(r.counterpartCountry),
              rounds: r.rounds,
              late: due !== null && due < today && (r.status === "OPEN" || r.status === "IN_PROGRESS"),
              editable,
            };
          })}
        />
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
