import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ConsultationTable } from "@/components/consultations/tables";
import { Commitments, Upcoming } from "@/components/dashboard/dashboard-lists";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDashboard, type UpcomingRound } from "@/lib/domain/dashboard/get-dashboard";
import type { CommitmentRow } from "@/lib/domain/commitments/commitments";
import { countryName } from "@/lib/countries";
import { formatLongDate } from "@/lib/format";
import { readThrough, today } from "@/lib/read-cache";

export const metadata: Metadata = { title: "Dashboard" };

type Row = Omit<Parameters<typeof ConsultationTable>[0]["rows"][number], "country"> & { counterpartCountry: string };
// Only what the table shows goes to the browser.
const rows = (list: Row[]) =>
  list.map((r) => ({ id: r.id, title: r.title, startDate: r.startDate, venueCity: r.venueCity, classification: r.classification, status: r.status, country: countryName(r.counterpartCountry) }));

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    // min-w-0: in the grid below, a section would otherwise widen to its table's full width.
    <section aria-labelledby={id} className="mb-8 min-w-0">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title} {count !== undefined && count > 0 && <span className="text-muted">({count})</span>}
      </h2>
      {children}
    </section>
  );
}

const place = (r: UpcomingRound) => [r.nextRoundCity, r.nextRoundCountry ? countryName(r.nextRoundCountry) : ""].filter(Boolean).join(", ") || "place to be fixed";
const commitments = (list: CommitmentRow[]) =>
  list.map((c) => ({ outcomeId: c.outcomeId, text: c.text, owner: c.owner, dueDate: c.dueDate, status: c.status, consultationId: c.consultationId, country: countryName(c.counterpartCountry) }));

export default async function DashboardPage() {
  const user = await requireUser("/");
  const d = await readThrough(user.snapshot, ["dashboard", user.id, user.clearance, today()], () => getDashboard(user));
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description="What waits for you, what you are working on, and what was promised."
        actions={
          hasPermission(user, "consultation:create") && (
            <Link href="/consultations/new" className={buttonVariants()}>
              New consultation
            </Link>
          )
        }
      />
      <form role="search" aria-label="Search consultations" method="get" action="/consultations" className="mb-8 flex gap-2">
        <label htmlFor="dash-q" className="sr-only">
          Search consultations
        </label>
        <input id="dash-q" name="q" type="search" maxLength={200} placeholder="Search consultations: a word, a name, a place…" className="block w-full max-w-xl rounded-md border border-line bg-white px-3 py-2 text-sm shadow-sm" />
        <button type="submit" className={buttonVariants()}>
          Search
        </button>
      </form>
      {hasPermission(user, "consultation:review") && (
        <Section id="waiting-heading" title="Waiting for your review" count={d.waitingForMe.length}>
          <ConsultationTable caption="Waiting for your review" rows={rows(d.waitingForMe)} empty="Nothing is waiting for your review." />
        </Section>
      )}
      {hasPermission(user, "consultation:edit") && (
        <>
          {d.changesRequested.length > 0 && (
            <Section id="changes-heading" title="Changes requested from you" count={d.changesRequested.length}>
              <ConsultationTable caption="Changes requested from you" rows={rows(d.changesRequested)} />
            </Section>
          )}
          <Section id="mine-heading" title="Your drafts and records in review">
            <ConsultationTable caption="Your drafts and records in review" rows={rows(d.myDrafts)} empty="You have no drafts." />
          </Section>
        </>
      )}
      <div className="grid gap-x-6 lg:grid-cols-2">
        <Section id="overdue-heading" title="Overdue commitments" count={d.overdue.length}>
          <Commitments caption="Overdue commitments" list={commitments(d.overdue)} empty="No open commitment is overdue." filter="overdue" />
        </Section>
        <Section id="due-heading" title="Due within 30 days" count={d.dueSoon.length}>
          <Commitments caption="Commitments due within 30 days" list={commitments(d.dueSoon)} empty="Nothing falls due in the next 30 days." filter="30days" />
        </Section>
      </div>
      <Section id="upcoming-heading" title="Upcoming next rounds">
        <Upcoming
          rounds={[
            ...d.upcoming.dated.map((r) => ({ id: r.id, title: r.title, seriesName: r.seriesName, place: place(r), when: r.nextRoundDate ? formatLongDate(r.nextRoundDate) : "Date to be fixed" })),
            ...d.upcoming.toBeFixed.map((r) => ({ id: r.id, title: r.title, seriesName: r.seriesName, place: place(r), when: "Date to be fixed" })),
          ]}
        />
      </Section>
      {d.recentlyApproved.length > 0 && (
        <Section id="approved-heading" title="Approved in the last 30 days">
          <ConsultationTable caption="Approved in the last 30 days" rows={rows(d.recentlyApproved)} />
        </Section>
      )}
      <p className="text-sm">
        <Link href="/consultations" className="font-semibold text-brand underline-offset-2 hover:underline">
          All consultations →
        </Link>
      </p>
    </>
  );
}
