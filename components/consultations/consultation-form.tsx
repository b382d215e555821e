"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/validation/form-state";
import type { ConsultationField } from "@/lib/validation/consultation";

type Action = (state: FormState<ConsultationField>, formData: FormData) => Promise<FormState<ConsultationField>>;

interface Props {
  action: Action;
  countries: { code: string; name: string }[];
  classifications: { value: string; label: string }[];
}

export function ConsultationForm({ action, countries, classifications }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  // A new key per server answer re-mounts the inputs with the values the user sent.
  const key = JSON.stringify(v);

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === "error" && state.message && <Alert>{state.message}</Alert>}
      <div key={key} className="grid gap-6 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <Field id="title" label="Title" hint="For example: Pakistan–Russia Bilateral Political Consultations, round 5" errors={e.title}>
            {(a) => <Input {...a} name="title" defaultValue={v.title ?? ""} maxLength={300} required />}
          </Field>
        </div>
        <Field id="startDate" label="Start date" errors={e.startDate}>
          {(a) => <Input {...a} name="startDate" type="date" defaultValue={v.startDate ?? ""} required />}
        </Field>
        <Field id="city" label="City" errors={e.city}>
          {(a) => <Input {...a} name="city" defaultValue={v.city ?? ""} maxLength={120} required />}
        </Field>
        <Field id="counterpartCountry" label="Counterpart country" errors={e.counterpartCountry}>
          {(a) => (
            <Select {...a} name="counterpartCountry" defaultValue={v.counterpartCountry ?? ""} required>
              <option value="">Choose a country…</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="classification" label="Classification" errors={e.classification}>
          {(a) => (
            <Select {...a} name="classification" defaultValue={v.classification ?? "UNCLASSIFIED"} required>
              {classifications.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Create consultation"}
        </Button>
      </div>
    </form>
  );
}
