import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { ClassificationBadge, StatusBadge } from "@/components/consultations/badges";
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
      <p className="mb-4 text-sm">
        <Link href={`/consultations?series=${series.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
          Search its records →
        </Link>
      </p>
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
      <CommitmentMovement rounds={series.rounds} />
    </>
  );
}

type SeriesRound = Awaited<ReturnType<typeof getSeries>>["rounds"][number];

/** Each commitment of the series (by the round that made it) and its status at every later round. */
function CommitmentMovement({ rounds }: { rounds: SeriesRound[] }) {
  const chains = new Map<string, { text: string; at: Map<string, string> }>();
  for (const r of rounds) {
    for (const o of r.outcomes) {
      const key = o.originId ?? o.id;
      const chain = chains.get(key) ?? { text: o.text, at: new Map<string, string>() };
      chain.text = o.text;
      if (o.status) chain.at.set(r.id, o.status);
      chains.set(key, chain);
    }
  }
  if (chains.size === 0) return null;
  const shown = [...chains.values()].slice(0, 200);
  return (
    <section aria-labelledby="movement-heading" className="mt-8">
      <h2 id="movement-heading" className="mb-1 text-lg font-semibold">
        How commitments moved
      </h2>
      <p className="mb-3 text-sm text-muted">Each commitment&apos;s status at every round that carried it; a dash where a round did not.</p>
      <div className="overflow-x-auto rounded-lg border border-line bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">How commitments moved from round to round</caption>
          <thead className="border-b border-line bg-surface text-xs uppercase tracking-wide text-muted">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">Commitment</th>
              {rounds.map((r) => (
                <th key={r.id} scope="col" className="whitespace-nowrap px-3 py-2 font-semibold">
                  {r.roundNumber ? `Round ${r.roundNumber}` : formatLongDate(r.startDate)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {shown.map((c, i) => (
              <tr key={i}>
                <th scope="row" className="max-w-md px-4 py-2 font-normal">
                  {c.text}
                </th>
                {rounds.map((r) => (
                  <td key={r.id} className="whitespace-nowrap px-3 py-2">
                    {c.at.has(r.id) ? label(c.at.get(r.id) as string) : <span className="text-muted" aria-label="not carried">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chains.size > shown.length && <p className="mt-2 text-sm text-muted">The first {shown.length} of {chains.size} commitments; the tracker has them all.</p>}
    </section>
  );
}
