import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatLongDate } from "@/lib/format";
import { label } from "@/lib/validation/vocabulary";
import type { RecordData } from "@/lib/validation/record";
import type { CommitmentStep } from "@/lib/domain/consultations/commitment-step";

const long = (iso: string | null) => (iso ? formatLongDate(new Date(`${iso}T00:00:00Z`)) : "");

function Section({ title, children, empty }: { title: string; children: ReactNode; empty?: boolean }) {
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {empty ? <p className="text-sm text-muted">None recorded.</p> : children}
    </Card>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {rows
        .filter(([, v]) => v !== "" && v !== null && v !== undefined)
        .map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-semibold text-muted">{k}</dt>
            <dd className="whitespace-pre-line">{v}</dd>
          </div>
        ))}
    </dl>
  );
}

/** Where a commitment carried over from earlier rounds stood at each of them. */
function CarriedOver({ steps }: { steps: CommitmentStep[] }) {
  return (
    <p className="mt-1 text-xs text-amber-900">
      Carried over:{" "}
      {steps.map((h) => `${h.roundNumber ? `round ${h.roundNumber}` : h.startDate} ${h.status ? label(h.status).toLowerCase() : ""}`).join(" → ")}
    </p>
  );
}

interface Props {
  data: RecordData;
  countryName: (code: string) => string;
  history: Record<string, CommitmentStep[]>;
  homeCountry: string;
  counterpart: string;
}

/** The record as a colleague reads it before opening the PDF. */
export function RecordView({ data, countryName, history, homeCountry, counterpart }: Props) {
  const f = data.facts;
  const venue = f.venueMode === "VIRTUAL" ? "Virtual meeting" : [f.venueCity, f.venueCountry ? countryName(f.venueCountry) : ""].filter(Boolean).join(", ");
  const sides = [
    ["HOME", `${countryName(homeCountry)} delegation`],
    ["COUNTERPART", `${counterpart} delegation`],
  ] as const;
  const host = { HOME: countryName(homeCountry), COUNTERPART: counterpart, JOINT: "Joint / neutral venue" };
  const next = data.nextRound;
  return (
    <div className="space-y-6">
      <Section title="Meeting facts">
        <Facts
          rows={[
            ["Round", f.roundNumber ? String(f.roundNumber) : "Not known"],
            ["Dates", f.endDate && f.endDate !== f.startDate ? `${long(f.startDate)} – ${long(f.endDate)}` : long(f.startDate)],
            ["Venue", `${venue}${f.venueMode === "HYBRID" ? " (hybrid)" : ""}`],
            ["Host", f.hostSide ? host[f.hostSide] : ""],
            ["Atmosphere", f.atmosphere && !f.atmosphereIsPublic ? `${f.atmosphere} (internal: not in the public readout)` : f.atmosphere],
            ["Context", f.context],
          ]}
        />
        {f.summary && (
          <>
            <h3 className="mb-1 mt-5 font-semibold">Summary</h3>
            <p className="whitespace-pre-line text-sm leading-relaxed">{f.summary}</p>
          </>
        )}
      </Section>

      <Section title="Delegations" empty={data.participants.length === 0}>
        <div className="grid gap-6 lg:grid-cols-2">
          {sides.map(([side, heading]) => (
            <div key={side}>
              <h3 className="mb-2 font-semibold">{heading}</h3>
              <ol className="space-y-1.5 text-sm">
                {data.participants
                  .filter((p) => p.side === side)
                  .map((p) => (
                    <li key={p.id}>
                      <span className="font-medium">{[p.honorific, p.name].filter(Boolean).join(" ")}</span>
                      {[p.title, p.organisation].filter(Boolean).length > 0 && <span className="text-muted">, {[p.title, p.organisation].filter(Boolean).join(", ")}</span>}
                      {p.role !== "MEMBER" && <Badge className="ml-2">{label(p.role)}</Badge>}
                    </li>
                  ))}
              </ol>
            </div>
          ))}
        </div>
      </Section>

      <Section title="Topics discussed" empty={data.topics.length === 0}>
        <ul className="space-y-2 text-sm">
          {data.topics.map((t) => (
            <li key={t.id}>
              <Badge>{label(t.category)}</Badge> <span className="font-medium">{t.subject}</span>
              {t.notes && <p className="mt-0.5 whitespace-pre-line text-muted">{t.notes}</p>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Outcomes" empty={data.outcomes.length === 0}>
        {/* On a phone the table's five columns left the text a word wide: one outcome under another. */}
        <ul className="divide-y divide-line text-sm sm:hidden">
          {data.outcomes.map((o) => (
            <li key={o.id} className="py-2">
              <p className="text-xs font-semibold uppercase tracking-wide text-muted">{label(o.type)}</p>
              <p>{o.text}</p>
              {o.originId && <CarriedOver steps={history[o.originId] ?? []} />}
              {(o.owner || o.dueDate || o.status) && (
                <p className="mt-1 text-xs text-muted">
                  {[o.owner, o.dueDate && `due ${long(o.dueDate)}`, o.status && label(o.status)].filter(Boolean).join(" · ")}
                </p>
              )}
            </li>
          ))}
        </ul>
        <div className="hidden overflow-x-auto sm:block">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Outcomes</caption>
            <thead className="border-b border-line text-xs uppercase text-muted">
              <tr>
                <th scope="col" className="py-2 pr-4">Type</th>
                <th scope="col" className="py-2 pr-4">Text</th>
                <th scope="col" className="py-2 pr-4">Owner</th>
                <th scope="col" className="py-2 pr-4">Due</th>
                <th scope="col" className="py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {data.outcomes.map((o) => (
                <tr key={o.id} className="align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{label(o.type)}</td>
                  <td className="py-2 pr-4">
                    {o.text}
                    {o.originId && <CarriedOver steps={history[o.originId] ?? []} />}
                  </td>
                  <td className="py-2 pr-4">{o.owner}</td>
                  <td className="py-2 pr-4 whitespace-nowrap">{long(o.dueDate)}</td>
                  <td className="py-2">{o.status ? label(o.status) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title="Regional and global issues" empty={data.regionalIssues.length === 0}>
        <Facts rows={data.regionalIssues.map((r) => [r.region, r.positions || "—"])} />
      </Section>

      <Section title="Side meetings" empty={data.sideMeetings.length === 0}>
        <ul className="space-y-1.5 text-sm">
          {data.sideMeetings.map((m) => (
            <li key={m.id}>
              <span className="font-medium">{label(m.kind)}</span> with {m.withWhom}
              {m.date && `, ${long(m.date)}`}
              {m.notes && <span className="text-muted"> — {m.notes}</span>}
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Next round">
        <p className="text-sm">
          {next.plan === "NOT_DISCUSSED"
            ? "Not discussed."
            : `${[next.city, next.country ? countryName(next.country) : ""].filter(Boolean).join(", ") || "Place to be agreed"}, ${
                next.plan === "DATED" ? long(next.date) : "on mutually convenient dates (to be fixed)"
              }.`}
          {next.note && ` ${next.note}`}
        </p>
      </Section>

      <Section title="References" empty={data.references.length === 0}>
        <ul className="space-y-1.5 text-sm">
          {data.references.map((r) => (
            <li key={r.id}>
              {r.url ? (
                <a href={r.url} className="text-brand underline" rel="noopener noreferrer">
                  {r.title}
                </a>
              ) : (
                r.title
              )}
              {r.date && <span className="text-muted">, {long(r.date)}</span>}
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
