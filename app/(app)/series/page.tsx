import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { countryName } from "@/lib/countries";
import { listSeries } from "@/lib/domain/series/list-series";
import { label } from "@/lib/validation/vocabulary";

export const metadata: Metadata = { title: "Series" };

export default async function SeriesListPage() {
  const user = await requireUser("/series");
  const series = await listSeries(user);
  return (
    <>
      <PageHeader title="Series" description="Each consultation mechanism and its rounds." />
      {series.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-8 text-center text-sm text-muted">No series yet: one is created with its first consultation.</p>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-white shadow-sm">
          {series.map((s) => (
            <li key={s.id} className="px-4 py-3">
              <Link href={`/series/${s.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
                {s.name}
              </Link>
              <p className="text-sm text-muted">
                {label(s.format)} · with {s.counterpartCountries.map(countryName).join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
