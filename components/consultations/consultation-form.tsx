"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/validation/form-state";
import type { ConsultationField } from "@/lib/validation/consultation";

type Action = (
  state: FormState<ConsultationField>,
  formData: FormData,
) => Promise<FormState<ConsultationField>>;
type Option = { value: string; label: string };

interface Props {
  action: Action;
  series: Option[];
  formats: Option[];
  countries: Option[];
  classifications: Option[];
}

export function ConsultationForm({ action, series, formats, countries, classifications }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  const [seriesId, setSeriesId] = useState(v.seriesId ?? (series.length ? "" : "new"));
  // A new key per server answer re-mounts the inputs with the values the user sent.
  const key = JSON.stringify(v);

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === "error" && state.message && <Alert>{state.message}</Alert>}
      <div key={key} className="grid gap-6 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field
            id="seriesId"
            label="Series"
            hint="The mechanism this meeting is a round of"
            errors={e.seriesId}
          >
            {(a) => (
              <Select
                {...a}
                name="seriesId"
                value={seriesId}
                onChange={(ev) => setSeriesId(ev.target.value)}
                placeholder={series.length > 0 ? "Choose a series…" : undefined}
                options={series}
              >
                <option value="new">A new series…</option>
              </Select>
            )}
          </Field>
        </div>
        {seriesId === "new" && (
          <fieldset className="grid gap-6 rounded-md border border-line p-4 sm:col-span-2 sm:grid-cols-2">
            <legend className="px-1 text-sm font-semibold">New series</legend>
            <div className="sm:col-span-2">
              <Field
                id="seriesName"
                label="Series name"
                hint="For example: Pakistan–Russia Bilateral Political Consultations"
                errors={e.seriesName}
              >
                {(a) => (
                  <Input
                    {...a}
                    name="seriesName"
                    defaultValue={v.seriesName ?? ""}
                    maxLength={300}
                  />
                )}
              </Field>
            </div>
            <Field id="format" label="Format" errors={e.format}>
              {(a) => (
                <Select
                  {...a}
                  name="format"
                  defaultValue={v.format ?? ""}
                  placeholder="Choose a format…"
                  options={formats}
                />
              )}
            </Field>
            <Field
              id="counterpartCountry"
              label="Counterpart country"
              errors={e.counterpartCountry}
            >
              {(a) => (
                <Select
                  {...a}
                  name="counterpartCountry"
                  defaultValue={v.counterpartCountry ?? ""}
                  placeholder="Choose a country…"
                  options={countries}
                />
              )}
            </Field>
          </fieldset>
        )}
        <div className="sm:col-span-2">
          <Field
            id="title"
            label="Title"
            hint="For example: Pakistan–Russia Bilateral Political Consultations, round 5"
            errors={e.title}
          >
            {(a) => <Input {...a} name="title" defaultValue={v.title ?? ""} maxLength={300} />}
          </Field>
        </div>
        <Field
          id="roundNumber"
          label="Round number"
          hint="Leave empty if unknown"
          errors={e.roundNumber}
        >
          {(a) => (
            <Input
              {...a}
              name="roundNumber"
              inputMode="numeric"
              defaultValue={v.roundNumber ?? ""}
            />
          )}
        </Field>
        <Field id="startDate" label="Start date" errors={e.startDate}>
          {(a) => <Input {...a} name="startDate" type="date" defaultValue={v.startDate ?? ""} />}
        </Field>
        <Field id="city" label="City" errors={e.city}>
          {(a) => <Input {...a} name="city" defaultValue={v.city ?? ""} maxLength={120} />}
        </Field>
        <Field id="classification" label="Classification" errors={e.classification}>
          {(a) => (
            <Select
              {...a}
              name="classification"
              defaultValue={v.classification ?? "UNCLASSIFIED"}
              options={classifications}
            />
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Create consultation"}
      </Button>
    </form>
  );
}
