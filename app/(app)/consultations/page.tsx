import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { buttonVariants } from "@/components/ui/button";
import { SearchResultsTable } from "@/components/consultations/tables";
import { requireUser, requirePermission } from "@/lib/auth/current-user";
import { hasPermission, visibleClassifications } from "@/lib/auth/permissions";
import { RANK_WINDOW, parseSearchParams, searchConsultations, type SearchParams } from "@/lib/domain/consultations/search-consultations";
import { getSeries } from "@/lib/domain/series/get-series";
import { countryName } from "@/lib/countries";
import { CountrySelect } from "@/components/ui/country-select";
import { RecordStatus } from "@/lib/generated/prisma/enums";
import { TOPIC_CATEGORIES, label } from "@/lib/validation/vocabulary";
import { readThrough } from "@/lib/read-cache";

export const metadata: Metadata = { title: "Consultations" };

const control = "block w-full rounded-md border border-line bg-white px-3 py-2 text-sm text-ink shadow-sm";

function href(params: SearchParams, change: Partial<SearchParams>): string {
  const merged = { ...params, ...change };
  const qs = new URLSearchParams(Object.entries(merged).filter(([, v]) => v !== undefined && v !== "") as [string, string][]);
  const s = qs.toString();
  return s ? `/consultations?${s}` : "/consultations";
}

function Choice({ name, labelText, value, options }: { name: string; labelText: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="space-y-1">
      <label htmlFor={`f-${name}`} className="block text-xs font-semibold text-ink">
        {labelText}
      </label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""} className={control}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function ConsultationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/consultations");
  requirePermission(user, "consultation:read");
  const { params, ignored } = parseSearchParams(await searchParams);
  const [result, series] = await Promise.all([readThrough(user.snapshot, ["search", user.clearance, params], () => searchConsultations(user, params)), params.series ? getSeries(user, params.series).catch(() => null) : null]);
  const filtered = Object.entries(params).some(([k, v]) => k !== "after" && k !== "sort" && v);
  const countText = `${result.capped ? `More than ${result.count.toLocaleString("en-GB")}` : result.count.toLocaleString("en-GB")} ${result.count === 1 && !result.capped ? "consultation" : "consultations"}${filtered ? " match" : ""}`;
  return (
    <>
      <PageHeader
        title="Consultations"
        description="Search every consultation you are cleared to see: titles, summaries, topics, outcomes and names."
        actions={
          hasPermission(user, "consultation:create") && (
            <Link href="/consultations/new" className={buttonVariants()}>
              New consultation
            </Link>
          )
        }
      />
      <form role="search" aria-label="Search consultations" method="get" action="/consultations" className="mb-6 space-y-4 rounded-lg border border-line bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="f-q" className="block text-xs font-semibold text-ink">
              Search
            </label>
            <input id="f-q" name="q" type="search" defaultValue={params.q ?? ""} maxLength={200} placeholder="A word, a name, “an exact phrase”, -excluded" className={control} />
          </div>
          <button type="submit" className={buttonVariants()}>
            Search
          </button>
          {filtered && (
            <Link href="/consultations" className="text-sm font-semibold text-brand underline-offset-2 hover:underline">
              Clear all
            </Link>
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div className="space-y-1">
            <label htmlFor="f-country" className="block text-xs font-semibold text-ink">
              Counterpart country
            </label>
            <CountrySelect id="f-country" name="country" defaultValue={params.country} className={control} />
          </div>
          {params.series && (
            // A series is chosen from its own page ("Search its records"); here it can be dropped.
            <div className="space-y-1">
              <label htmlFor="f-series" className="block text-xs font-semibold text-ink">
                Series
              </label>
              <select id="f-series" name="series" defaultValue={params.series} className={control}>
                <option value={params.series}>{series?.name ?? "A series you cannot see"}</option>
                <option value="">Any series</option>
              </select>
            </div>
          )}
          <Choice name="status" labelText="Status" value={params.status} options={Object.values(RecordStatus).map((s) => ({ value: s, label: label(s) }))} />
          <Choice name="classification" labelText="Classification" value={params.classification} options={visibleClassifications(user.clearance).map((c) => ({ value: c, label: label(c) }))} />
          <Choice name="category" labelText="Topic" value={params.category} options={TOPIC_CATEGORIES.map((c) => ({ value: c, label: label(c) }))} />
          <div className="space-y-1">
            <label htmlFor="f-from" className="block text-xs font-semibold text-ink">
              From
            </label>
            <input id="f-from" name="from" type="date" defaultValue={params.from ?? ""} className={control} />
          </div>
          <div className="space-y-1">
            <label htmlFor="f-to" className="block text-xs font-semibold text-ink">
              To
            </label>
            <input id="f-to" name="to" type="date" defaultValue={params.to ?? ""} className={control} />
          </div>
          <Choice
            name="sort"
            labelText="Order"
            value={params.sort}
            options={[
              ...(params.q ? [{ value: "relevance", label: "Best match first" }] : []),
              { value: "newest", label: "Newest first" },
              { value: "oldest", label: "Oldest first" },
            ]}
          />
        </div>
        {ignored.length > 0 && (
          <p role="alert" className="text-sm text-danger">
            Not understood, so not applied: {ignored.map((k) => (k === "after" ? "page" : k)).join(", ")}.
          </p>
        )}
      </form>

      <p role="status" className="mb-3 text-sm text-muted">
        {countText}
        {result.sort === "relevance" && result.capped ? ` (the ${RANK_WINDOW.toLocaleString("en-GB")} most recent matches are ranked)` : ""}.
      </p>
      {result.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line bg-white p-6 text-center text-sm text-muted">
          {filtered ? "Nothing matches. Try fewer words or fewer filters." : "No consultations yet."}
        </p>
      ) : (
        <SearchResultsTable
          key={JSON.stringify(params)}
          bookable={hasPermission(user, "consultation:download-draft") ? "all" : hasPermission(user, "consultation:download") && "approved"}
          rows={result.rows.map((r) => ({
            id: r.id,
            title: r.title,
            titleHighlight: r.titleHighlight,
            // ts_headline gives the summary's opening words when the match was elsewhere: not shown, not sent.
            snippet: r.snippet?.includes("\u0002") ? r.snippet : null,
            seriesName: r.seriesName,
            startDate: r.startDate,
            venueCity: r.venueCity,
            country: countryName(r.counterpartCountry),
            classification: r.classification,
            status: r.status,
          }))}
        />
      )}
      <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
        {params.after && (
          <Link href={href(params, { after: undefined })} className="font-semibold text-brand underline-offset-2 hover:underline">
            ← First page
          </Link>
        )}
        {result.next && (
          <Link href={href(params, { after: result.next })} className="font-semibold text-brand underline-offset-2 hover:underline">
            Next page →
          </Link>
        )}
      </nav>
    </>
  );
}
