"use client";

import { v4 as uuid } from "uuid";
import { CheckboxField, ListErrors, SelectField, TextArea, TextField, useEditor } from "@/components/record/editor/editor-context";
import { RowList } from "@/components/record/editor/row-list";
import { Badge } from "@/components/ui/badge";
import {
  COMMITMENT_STATUSES,
  OUTCOME_TYPES,
  PARTICIPANT_ROLES,
  SIDE_MEETING_KINDS,
  TOPIC_CATEGORIES,
  label,
  options,
} from "@/lib/validation/vocabulary";
import type { CommitmentStep } from "@/lib/domain/consultations/commitment-step";

const allIndices = (n: number) => Array.from({ length: n }, (_, i) => i);

export function DelegationSection({ side, heading }: { side: "HOME" | "COUNTERPART"; heading: string }) {
  const { form } = useEditor();
  const indices = form.participants.flatMap((p, i) => (p.side === side ? [i] : []));
  return (
    <div>
      <h3 className="mb-3 font-semibold">{heading}</h3>
      <RowList
        section="participants"
        indices={indices}
        noun={side === "HOME" ? "Our delegate" : "Counterpart delegate"}
        addLabel={side === "HOME" ? "Add a member of our delegation" : "Add a member of the counterpart delegation"}
        empty="No one recorded yet. List the head of delegation first, then members in order of precedence."
        newRow={() => ({ id: uuid(), side, honorific: "", name: "", title: "", organisation: "", role: indices.length === 0 ? "HEAD" : "MEMBER" })}
      >
        {(i) => (
          <div className="grid gap-4 sm:grid-cols-6">
            <TextField path={["participants", i, "honorific"]} label="Honorific" hint="Dr., Ambassador, H.E." className="sm:col-span-2" maxLength={60} />
            <TextField path={["participants", i, "name"]} label="Name" className="sm:col-span-4" maxLength={200} />
            <TextField path={["participants", i, "title"]} label="Title" hint="Foreign Secretary, Deputy Foreign Minister" className="sm:col-span-3" maxLength={200} />
            <TextField path={["participants", i, "organisation"]} label="Organisation" className="sm:col-span-3" maxLength={200} />
            <SelectField path={["participants", i, "role"]} label="Role" options={options(PARTICIPANT_ROLES)} className="sm:col-span-3" />
          </div>
        )}
      </RowList>
    </div>
  );
}

export function TopicsSection() {
  const { form } = useEditor();
  return (
    <>
      <ListErrors path={["topics"]} />
      <RowList
        section="topics"
        indices={allIndices(form.topics.length)}
        noun="Topic"
        addLabel="Add a topic"
        empty="No topics yet."
        newRow={() => ({ id: uuid(), category: "POLITICAL", subject: "", notes: "", isPublic: true })}
      >
        {(i) => (
          <div className="grid gap-4 sm:grid-cols-6">
            <SelectField path={["topics", i, "category"]} label="Category" options={options(TOPIC_CATEGORIES)} className="sm:col-span-2" />
            <TextField path={["topics", i, "subject"]} label="Subject" className="sm:col-span-3" maxLength={200} />
            <CheckboxField path={["topics", i, "isPublic"]} label="Public" className="sm:col-span-1" />
            <TextArea path={["topics", i, "notes"]} label="Notes" className="sm:col-span-6" maxLength={5000} />
          </div>
        )}
      </RowList>
    </>
  );
}

function CarriedOver({ history }: { history: CommitmentStep[] | undefined }) {
  return (
    <div className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <Badge tone="draft">Carried over</Badge>{" "}
      {history?.length ? (
        <span>
          History:{" "}
          {history.map((h, n) => (
            <span key={h.consultationId}>
              {n > 0 && " → "}
              {h.roundNumber ? `round ${h.roundNumber}` : h.startDate}: {h.status ? label(h.status) : "—"}
            </span>
          ))}
        </span>
      ) : (
        <span>from an earlier round</span>
      )}
    </div>
  );
}

export function OutcomesSection({ history }: { history: Record<string, CommitmentStep[]> }) {
  const { form } = useEditor();
  return (
    <>
      <ListErrors path={["outcomes"]} />
      <RowList
        section="outcomes"
        indices={allIndices(form.outcomes.length)}
        noun="Outcome"
        addLabel="Add an outcome"
        empty="No outcomes yet: agreements, commitments, reaffirmations, expressions of satisfaction, exchanges of views."
        newRow={() => ({ id: uuid(), type: "AGREEMENT", text: "", owner: "", dueDate: "", status: "", originId: null, isPublic: true })}
      >
        {(i) => {
          const o = form.outcomes[i];
          const commitment = o?.type === "COMMITMENT";
          return (
            <>
              {o?.originId && <CarriedOver history={history[o.originId]} />}
              <div className="grid gap-4 sm:grid-cols-6">
                <SelectField path={["outcomes", i, "type"]} label="Type" options={options(OUTCOME_TYPES)} className="sm:col-span-3" />
                <CheckboxField path={["outcomes", i, "isPublic"]} label="Public" className="sm:col-span-3" />
                <TextArea path={["outcomes", i, "text"]} label="Text" className="sm:col-span-6" maxLength={2000} />
                {commitment && (
                  <>
                    <TextField path={["outcomes", i, "owner"]} label="Owner" hint="Who delivers it" className="sm:col-span-2" maxLength={200} />
                    <TextField path={["outcomes", i, "dueDate"]} label="Due date" type="date" className="sm:col-span-2" />
                    <SelectField path={["outcomes", i, "status"]} label="Status" options={options(COMMITMENT_STATUSES)} placeholder="Open" className="sm:col-span-2" />
                  </>
                )}
              </div>
            </>
          );
        }}
      </RowList>
    </>
  );
}

export function RegionalIssuesSection() {
  const { form } = useEditor();
  return (
    <RowList
      section="regionalIssues"
      indices={allIndices(form.regionalIssues.length)}
      noun="Regional issue"
      addLabel="Add a regional or global issue"
      empty="No regional or global issues recorded."
      newRow={() => ({ id: uuid(), region: "", positions: "", isPublic: true })}
    >
      {(i) => (
        <div className="grid gap-4 sm:grid-cols-6">
          <TextField path={["regionalIssues", i, "region"]} label="Region or country" className="sm:col-span-5" maxLength={120} />
          <CheckboxField path={["regionalIssues", i, "isPublic"]} label="Public" className="sm:col-span-1" />
          <TextArea path={["regionalIssues", i, "positions"]} label="Positions exchanged" className="sm:col-span-6" maxLength={5000} />
        </div>
      )}
    </RowList>
  );
}

export function SideMeetingsSection() {
  const { form } = useEditor();
  return (
    <RowList
      section="sideMeetings"
      indices={allIndices(form.sideMeetings.length)}
      noun="Side meeting"
      addLabel="Add a side meeting"
      empty="No courtesy calls or side meetings recorded."
      newRow={() => ({ id: uuid(), kind: "COURTESY_CALL", withWhom: "", date: "", notes: "" })}
    >
      {(i) => (
        <div className="grid gap-4 sm:grid-cols-6">
          <SelectField path={["sideMeetings", i, "kind"]} label="Kind" options={options(SIDE_MEETING_KINDS)} className="sm:col-span-2" />
          <TextField path={["sideMeetings", i, "withWhom"]} label="With whom" className="sm:col-span-2" maxLength={300} />
          <TextField path={["sideMeetings", i, "date"]} label="Date" type="date" className="sm:col-span-2" />
          <TextArea path={["sideMeetings", i, "notes"]} label="Notes" className="sm:col-span-6" maxLength={2000} />
        </div>
      )}
    </RowList>
  );
}

export function ReferencesSection() {
  const { form } = useEditor();
  return (
    <RowList
      section="references"
      indices={allIndices(form.references.length)}
      noun="Reference"
      addLabel="Add a reference"
      empty="No related agreements or documents."
      newRow={() => ({ id: uuid(), title: "", date: "", url: "" })}
    >
      {(i) => (
        <div className="grid gap-4 sm:grid-cols-6">
          <TextField path={["references", i, "title"]} label="Title" hint="e.g. MoU on trade" className="sm:col-span-4" maxLength={300} />
          <TextField path={["references", i, "date"]} label="Date" type="date" className="sm:col-span-2" />
          <TextField path={["references", i, "url"]} label="Link" type="url" className="sm:col-span-6" maxLength={2000} />
        </div>
      )}
    </RowList>
  );
}
