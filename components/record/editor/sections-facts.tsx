"use client";

import { createContext, useContext } from "react";
import { CheckboxField, SelectField, TextArea, TextField, useEditor } from "@/components/record/editor/editor-context";
import { LIMITS } from "@/lib/validation/record";
import { NEXT_ROUND_PLANS, VENUE_MODES, options } from "@/lib/validation/vocabulary";

export interface EditorOptions {
  countries: { value: string; label: string }[];
  classifications: { value: string; label: string }[];
  /** Host sides named after the series' countries. */
  hostSides: { value: string; label: string }[];
}

export const OptionsContext = createContext<EditorOptions>({ countries: [], classifications: [], hostSides: [] });
export const useOptions = () => useContext(OptionsContext);

export function FactsSection() {
  const { countries, classifications, hostSides } = useOptions();
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField path={["facts", "title"]} label="Title" className="sm:col-span-2" maxLength={300} />
      <TextField path={["facts", "roundNumber"]} label="Round number" hint="Leave empty if unknown" inputMode="numeric" />
      <SelectField path={["facts", "classification"]} label="Classification" options={classifications} />
      <TextField path={["facts", "startDate"]} label="Start date" type="date" />
      <TextField path={["facts", "endDate"]} label="End date" hint="Only if the meeting lasted more than one day" type="date" />
      <SelectField path={["facts", "venueMode"]} label="Venue type" options={options(VENUE_MODES)} />
      <SelectField path={["facts", "hostSide"]} label="Host" options={hostSides} placeholder="Not recorded" />
      <TextField path={["facts", "venueCity"]} label="City" maxLength={120} />
      <SelectField path={["facts", "venueCountry"]} label="Venue country" options={countries} placeholder="Choose a country…" />
      <TextField path={["facts", "atmosphere"]} label="Atmosphere" hint="For example: cordial and constructive" maxLength={300} />
      <CheckboxField path={["facts", "atmosphereIsPublic"]} label="Public: the atmosphere may appear in the public readout" className="sm:pt-[3.25rem]" />
      <TextArea path={["facts", "context"]} label="Context" hint="Anniversaries, frameworks (e.g. “Roadmap 2030”), earlier meetings" className="sm:col-span-2" maxLength={LIMITS.context} />
      <TextArea path={["facts", "summary"]} label="Summary" rows={6} className="sm:col-span-2" maxLength={LIMITS.summary} />
    </div>
  );
}

export function NextRoundSection() {
  const { form } = useEditor();
  const { countries } = useOptions();
  const plan = form.nextRound.plan;
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <SelectField path={["nextRound", "plan"]} label="Agreed plan" options={options(NEXT_ROUND_PLANS)} className="sm:col-span-2" />
      {plan !== "NOT_DISCUSSED" && (
        <>
          <TextField path={["nextRound", "city"]} label="City" maxLength={120} />
          <SelectField path={["nextRound", "country"]} label="Country" options={countries} placeholder="Choose a country…" />
          {plan === "DATED" && <TextField path={["nextRound", "date"]} label="Date" type="date" />}
          <TextField path={["nextRound", "note"]} label="Note" className="sm:col-span-2" maxLength={500} />
        </>
      )}
    </div>
  );
}

export { CheckboxField };
