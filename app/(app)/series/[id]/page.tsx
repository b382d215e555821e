import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ClassificationBadge, StatusBadge } from "@/components/consultations/consultation-table";
import { StartNextRoundButton } from "@/components/record/start-next-round-button";
import { requireUser } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { countryName } from "@/lib/countries";
import { getSeries } from "@/lib/domain/series/get-series";
import { isAppError } from "@/lib/errors";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";
import { startNextRoundAction } from "../../consultations/[id]/actions";

export const metadata: Metadata = { title: "Series" };

export default async function SeriesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/series/${id}`);
  const series = await getSeries(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const latest = series.rounds.at(-1);
  return (
    <>
      <PageHeader
        title={series.name}
        description={`${label(series.format)} · ${countryName(series.homeCountry)} and ${series.counterpartCountries.map(countryName).join(", ")}`}
        actions={
          <>
            {series.rounds.length > 0 && (
              <a href={`/api/series/${series.id}/book?download=1`} download className={buttonVariants({ variant: "secondary" })}>
                Download briefing book
              </a>
            )}
            {latest && hasPermission(user, "consultation:create") && <StartNextRoundButton previousId={latest.id} action={startNextRoundAction} />}
          </>
        }
      />
      <h2 className="mb-3 text-lg font-semibold">Rounds, oldest first</h2>
      {series.rounds.length === 0 ? (
        <p className="text-sm text-muted">No rounds you are cleared to see.</p>
      ) : (
        <ol className="relative space-y-4 border-l-2 border-brand/30 pl-6">
          {series.rounds.map((r) => {
            const open = r.outcomes.filter((o) => o.status === "OPEN" || o.status === "IN_PROGRESS").length;
            const heads = r.participants.map((p) => [p.honorific, p.name].filter(Boolean).join(" ")).join(" and ");
            return (
              <li key={r.id} className="rounded-lg border border-line bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/consultations/${r.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
                    {r.title}
                  </Link>
                  <span className="flex gap-2">
                    <ClassificationBadge value={r.classification} />
                    <StatusBadge value={r.status} />
                  </span>
                </div>
                <p className="mt-1 text-sm">
                  {formatLongDate(r.startDate)} · {r.venueMode === "VIRTUAL" ? "virtual" : [r.venueCity, r.venueCountry ? countryName(r.venueCountry) : ""].filter(Boolean).join(", ")}
                </p>
                {heads && <p className="text-sm text-muted">Led by {heads}</p>}
                <p className="text-sm text-muted">
                  {r.outcomes.length} commitment{r.outcomes.length === 1 ? "" : "s"}, {open} still open
                  {r.nextRoundPlan !== "NOT_DISCUSSED" &&
                    ` · next round: ${r.nextRoundCity || "place to be agreed"}, ${r.nextRoundPlan === "DATED" && r.nextRoundDate ? formatLongDate(r.nextRoundDate) : "dates to be fixed"}`}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
