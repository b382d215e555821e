import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ConsultationTable } from "@/components/consultations/consultation-table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDashboard, type UpcomingRound } from "@/lib/domain/dashboard/get-dashboard";
import type { CommitmentRow } from "@/lib/domain/commitments/commitments";
import { countryName } from "@/lib/countries";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";

export const metadata: Metadata = { title: "Dashboard" };

type Row = Omit<Parameters<typeof ConsultationTable>[0]["rows"][number], "country"> & { counterpartCountry: string };
const rows = (list: Row[]) => list.map((r) => ({ ...r, country: countryName(r.counterpartCountry) }));

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title} {count !== undefined && count > 0 && <span className="text-muted">({count})</span>}
      </h2>
      {children}
    </section>
  );
}

function Commitments({ caption, list, empty, filter }: { caption: string; list: CommitmentRow[]; empty: string; filter: string }) {
  if (list.length === 0) return <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">{empty}</p>;
  return (
    <div className="rounded-lg border border-line bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Commitment</th>
            <th scope="col" className="px-4 py-2 font-semibold">Owner</th>
            <th scope="col" className="px-4 py-2 font-semibold">Due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {list.map((c) => (
            <tr key={c.outcomeId} className="align-top">
              <td className="px-4 py-2">
                <Link href={`/consultations/${c.consultationId}`} className="text-brand underline-offset-2 hover:underline">
                  {c.text}
                </Link>
                <div className="text-xs text-muted">
                  {label(c.status)} · {countryName(c.counterpartCountry)}
                </div>
              </td>
              <td className="px-4 py-2">{c.owner || <span className="text-muted">No owner</span>}</td>
              <td className="whitespace-nowrap px-4 py-2">{c.dueDate ? formatLongDate(c.dueDate) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-line px-4 py-2 text-sm">
        <Link href={`/commitments?due=${filter}`} className="font-semibold text-brand underline-offset-2 hover:underline">
          All of them in the tracker →
        </Link>
      </p>
    </div>
  );
}

function Upcoming({ dated, toBeFixed }: { dated: UpcomingRound[]; toBeFixed: UpcomingRound[] }) {
  if (dated.length + toBeFixed.length === 0) return <p className="rounded-lg border border-dashed border-line bg-white p-4 text-sm text-muted">No next round is planned.</p>;
  const place = (r: UpcomingRound) => [r.nextRoundCity, r.nextRoundCountry ? countryName(r.nextRoundCountry) : ""].filter(Boolean).join(", ") || "place to be fixed";
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-white text-sm shadow-sm">
      {[...dated.map((r) => ({ ...r, when: r.nextRoundDate ? formatLongDate(r.nextRoundDate) : "Date to be fixed" })), ...toBeFixed.map((r) => ({ ...r, when: "Date to be fixed" }))].map((r) => (
        <li key={r.id} className="px-4 py-2">
          <span className="font-semibold">{r.when}</span> — {r.seriesName}, {place(r)}
          <div className="text-xs text-muted">
            As planned at{" "}
            {/* Underlined: a link inside a line of text must not be told apart by colour alone. */}
            <Link href={`/consultations/${r.id}`} className="text-brand underline underline-offset-2">
              {r.title}
            </Link>
          </div>
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage() {
  const user = await requireUser("/");
  const d = await getDashboard(user);
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
          <Commitments caption="Overdue commitments" list={d.overdue} empty="No open commitment is overdue." filter="overdue" />
        </Section>
        <Section id="due-heading" title="Due within 30 days" count={d.dueSoon.length}>
          <Commitments caption="Commitments due within 30 days" list={d.dueSoon} empty="Nothing falls due in the next 30 days." filter="30days" />
        </Section>
      </div>
      <Section id="upcoming-heading" title="Upcoming next rounds">
        <Upcoming dated={d.upcoming.dated} toBeFixed={d.upcoming.toBeFixed} />
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
