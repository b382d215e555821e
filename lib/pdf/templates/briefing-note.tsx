import { Document, Page, Text, View } from "@react-pdf/renderer";
import { day, pdfText, shortDay, type Briefing, type Paper } from "@/lib/pdf/briefing";
import { label } from "@/lib/validation/vocabulary";
import {
  Bullet,
  Fact,
  Para,
  Section,
  contentWidth,
  dates,
  heads,
  keepTogether,
  nextRound,
  person,
  statusLine,
  topicLine,
  venue,
} from "@/lib/pdf/templates/parts";
import { keptLayout, s } from "@/lib/pdf/templates/styles";

const COLS = { type: 92, owner: 80, due: 66, status: 56 };
// The owner's column holds ~12 characters a line: a longer word breaks (without a hyphen).
const NARROW = { longest: 12, run: 9 };

function OutcomesTable({ b, width }: { b: Briefing; width: number }) {
  const textWidth = width - COLS.type - COLS.owner - COLS.due - COLS.status - 4;
  return (
    <View>
      <View style={s.row} minPresenceAhead={40}>
        <Text style={[s.th, { width: COLS.type }]}>Type</Text>
        <Text style={[s.th, { flex: 1 }]}>Outcome</Text>
        <Text style={[s.th, { width: COLS.owner }]}>Owner</Text>
        <Text style={[s.th, { width: COLS.due }]}>Due</Text>
        <Text style={[s.th, { width: COLS.status }]}>Status</Text>
      </View>
      {b.data.outcomes.map((o) => {
        const steps = o.originId ? b.history[o.originId] : undefined;
        const carried = steps && steps.length > 1 && (
          <Text style={[s.small, s.muted]}>
            {/* "›": Noto Sans has no arrow (U+2192 fell back to Helvetica, which printed "'"). */}
            Carried over:{" "}
            {steps
              .map(
                (h) =>
                  `${h.roundNumber ? `round ${h.roundNumber}` : day(h.startDate)}${h.status ? ` ${label(h.status).toLowerCase()}` : ""}`,
              )
              .join(" › ")}
          </Text>
        );
        if (!keepTogether(o.text.length + o.owner.length))
          return (
            <View key={o.id} style={s.block}>
              <Text style={s.blockLabel}>
                {[label(o.type), pdfText(o.owner), o.dueDate ? `due ${shortDay(o.dueDate)}` : "", o.status ? label(o.status) : ""]
                  .filter(Boolean)
                  .join(" · ")}
              </Text>
              <Para text={o.text} width={width} />
              {carried}
            </View>
          );
        return (
          <View key={o.id} style={s.row} wrap={false}>
            <Text style={{ width: COLS.type, paddingRight: 4 }}>{label(o.type)}</Text>
            <View style={{ flex: 1, paddingRight: 4 }}>
              <Para text={o.text} width={textWidth} />
              {carried}
            </View>
            <Text style={{ width: COLS.owner, paddingRight: 4 }}>{pdfText(o.owner, NARROW)}</Text>
            <Text style={{ width: COLS.due, paddingRight: 4 }}>{shortDay(o.dueDate)}</Text>
            <Text style={{ width: COLS.status }}>{o.status ? label(o.status) : ""}</Text>
          </View>
        );
      })}
    </View>
  );
}

/** The body of a briefing note: everything but the markings, which are stamped on afterwards. */
export function BriefingNoteBody({
  b,
  paper,
  bookmark,
}: {
  b: Briefing;
  paper: Paper;
  bookmark?: boolean;
}) {
  const f = b.data.facts;
  const d = b.data;
  const width = contentWidth(paper);
  return (
    <>
      <View {...(bookmark ? { bookmark: { title: f.title, fit: true } } : {})}>
        <Text style={s.kicker}>Briefing note · {b.seriesName}</Text>
        <Para text={f.title} width={width} style={s.title} />
        <Text style={s.subtitle}>
          {b.reference} · {statusLine(b)}
        </Text>
      </View>
      <Fact width={width} name="Dates" value={dates(b)} />
      <Fact width={width} name="Venue" value={venue(b)} />
      <Fact
        width={width}
        name="Round"
        value={f.roundNumber ? String(f.roundNumber) : "Not known"}
      />
      <Fact width={width} name={`Head(s), ${b.homeCountryName}`} value={heads(b, "HOME")} />
      <Fact width={width} name={`Head(s), ${b.counterpartNames}`} value={heads(b, "COUNTERPART")} />
      <Fact width={width} name="Atmosphere" value={f.atmosphere} />
      <Fact width={width} name="Context" value={f.context} />
      <Fact width={width} name="Classification" value={f.classification} />
      <Fact width={width} name="Status" value={statusLine(b)} />

      {f.summary !== "" && (
        <Section title="Summary">
          {f.summary.split(/\n+/).map((para, i) => (
            <Para key={i} text={para} width={width} style={s.p} />
          ))}
        </Section>
      )}

      {d.participants.length > 0 && (
        <Section title="Delegations">
          {(
            [
              ["HOME", b.homeCountryName],
              ["COUNTERPART", b.counterpartNames],
            ] as const
          ).map(([side, name]) => (
            <View key={side}>
              <Text style={s.h3} minPresenceAhead={30}>
                {pdfText(name)}
              </Text>
              {d.participants
                .filter((p) => p.side === side)
                .map((p) => (
                  <Bullet key={p.id}>
                    {pdfText(person(p, true))}
                    {p.role !== "MEMBER" ? ` (${label(p.role).toLowerCase()})` : ""}
                  </Bullet>
                ))}
            </View>
          ))}
        </Section>
      )}

      {d.topics.length > 0 && (
        <Section title="Topics discussed">
          {d.topics.map((t) => (
            <Bullet key={t.id}>
              {pdfText(topicLine(t))}
              {t.notes ? ` — ${pdfText(t.notes)}` : ""}
            </Bullet>
          ))}
        </Section>
      )}

      <Section title="Outcomes">
        {d.outcomes.length > 0 ? (
          <OutcomesTable b={b} width={width} />
        ) : (
          <Text style={s.muted}>No outcomes recorded.</Text>
        )}
      </Section>

      {b.earlierOpen.length > 0 && (
        <Section title="Open commitments from earlier rounds">
          {b.earlierOpen.map((o, i) => (
            <Bullet key={i}>
              {pdfText(o.text)} — {o.owner || "no owner"},{" "}
              {o.dueDate ? `due ${day(o.dueDate)}` : "no due date"}, {label(o.status).toLowerCase()}{" "}
              ({o.round ? `round ${o.round}` : day(o.date)})
            </Bullet>
          ))}
        </Section>
      )}

      {d.regionalIssues.length > 0 && (
        <Section title="Regional and global issues">
          {d.regionalIssues.map((r) => (
            <Fact
              width={width}
              key={r.id}
              name={r.region}
              value={r.positions || "Views exchanged."}
            />
          ))}
        </Section>
      )}

      {d.sideMeetings.length > 0 && (
        <Section title="Side meetings">
          {d.sideMeetings.map((m) => (
            <Bullet key={m.id}>
              {label(m.kind)} with {pdfText(m.withWhom)}
              {m.date ? `, ${day(m.date)}` : ""}
              {m.notes ? ` — ${pdfText(m.notes)}` : ""}
            </Bullet>
          ))}
        </Section>
      )}

      <Section title="Next steps">
        <Text>Next round: {pdfText(nextRound(b))}</Text>
      </Section>

      {d.references.length > 0 && (
        <Section title="References">
          {d.references.map((r) => (
            <Bullet key={r.id}>
              {pdfText(r.title)}
              {r.date ? `, ${day(r.date)}` : ""}
              {r.url ? ` — ${pdfText(r.url)}` : ""}
            </Bullet>
          ))}
        </Section>
      )}

      <View style={s.approval} wrap={false}>
        <Text style={s.h3}>Approval</Text>
        <Text>
          {b.approved
            ? `Approved${b.approvedBy ? ` by ${b.approvedBy}` : ""}${b.approvedAt ? ` on ${day(b.approvedAt.slice(0, 10))}` : ""} (version ${b.version}).`
            : `Not approved. This is a working draft (version ${b.version}) and may change.`}
        </Text>
      </View>
    </>
  );
}

/** `keptLayout`: false lays every page out again in full, as upstream does (the tests compare). */
export function BriefingNote({ b, paper, keptLayout: kept = true }: { b: Briefing; paper: Paper; keptLayout?: boolean }) {
  return (
    <Document
      title={b.data.facts.title}
      author="Readout"
      creator="Readout"
      producer="Readout"
      language="en"
      creationDate={new Date(b.updatedAt)}
    >
      <Page size={paper} style={s.page} wrap experimentalPagination {...keptLayout(kept)}>
        <BriefingNoteBody b={b} paper={paper} />
      </Page>
    </Document>
  );
}
