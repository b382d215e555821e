import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ConsultationTable } from "@/components/consultations/consultation-table";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { getDashboard } from "@/lib/domain/dashboard/get-dashboard";
import { countryName } from "@/lib/countries";

export const metadata: Metadata = { title: "Dashboard" };

type Row = Omit<Parameters<typeof ConsultationTable>[0]["rows"][number], "country"> & { counterpartCountry: string };
const rows = (list: Row[]) => list.map((r) => ({ ...r, country: countryName(r.counterpartCountry) }));

export default async function DashboardPage() {
  const user = await requireUser("/");
  const { waitingForMe, myWork, recentlyApproved, recent } = await getDashboard(user);
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name}`}
        description="What waits for you, what you are working on, and the latest consultations you are cleared to see."
        actions={
          hasPermission(user, "consultation:create") && (
            <Link href="/consultations/new" className={buttonVariants()}>
              New consultation
            </Link>
          )
        }
      />
      {hasPermission(user, "consultation:review") && (
        <section aria-labelledby="waiting-heading" className="mb-8">
          <h2 id="waiting-heading" className="mb-3 text-lg font-semibold">
            Waiting for your review {waitingForMe.length > 0 && <span className="text-muted">({waitingForMe.length})</span>}
          </h2>
          <ConsultationTable caption="Waiting for your review" rows={rows(waitingForMe)} empty="Nothing is waiting for your review." />
        </section>
      )}
      {hasPermission(user, "consultation:edit") && (
        <section aria-labelledby="mine-heading" className="mb-8">
          <h2 id="mine-heading" className="mb-3 text-lg font-semibold">
            Your drafts and records in review
          </h2>
          <ConsultationTable caption="Your drafts and records in review" rows={rows(myWork)} empty="You have no drafts." />
        </section>
      )}
      {recentlyApproved.length > 0 && (
        <section aria-labelledby="approved-heading" className="mb-8">
          <h2 id="approved-heading" className="mb-3 text-lg font-semibold">
            Approved in the last 30 days
          </h2>
          <ConsultationTable caption="Approved in the last 30 days" rows={rows(recentlyApproved)} />
        </section>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">
          Recent consultations
        </h2>
        <ConsultationTable caption="Recent consultations" rows={rows(recent)} />
        <p className="mt-4 text-sm">
          <Link href="/consultations" className="font-semibold text-brand underline-offset-2 hover:underline">
            All consultations →
          </Link>
        </p>
      </section>
    </>
  );
}
