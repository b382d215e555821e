"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

interface State {
  message?: string;
  ok?: string;
  /** An invitation's one-time link, for the admin to hand over when it was not e-mailed. */
  link?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}
type Action = (state: State, formData: FormData) => Promise<State>;
type Option = { value: string; label: string };

function Outcome({ state }: { state: State }) {
  if (state.message) return <Alert className="mt-2">{state.message}</Alert>;
  if (state.ok)
    return (
      <Alert tone="info" className="mt-2">
        {state.ok}
        {state.link && (
          <>
            {" "}
            <label htmlFor="invite-link" className="sr-only">
              Invitation link
            </label>
            <input
              id="invite-link"
              readOnly
              value={state.link}
              className="mt-2 block w-full rounded border border-line bg-white px-2 py-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </>
        )}
      </Alert>
    );
  return null;
}

export function CreateUserForm({
  action,
  roles,
  clearances,
}: {
  action: Action;
  roles: Option[];
  clearances: Option[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  // React resets a form after its action runs: re-mount the fields with what was sent.
  return (
    <form
      action={formAction}
      key={JSON.stringify(state)}
      className="grid gap-4 sm:grid-cols-2"
      noValidate
    >
      {/* Nothing can be typed while the action runs: React resets the form when it ends (after
          the page's refresh, which can take a while), and would throw away what was typed meanwhile. */}
      <fieldset disabled={pending} className="contents">
        <Field id="new-name" label="Full name" errors={e.name}>
          {(a) => <Input {...a} name="name" autoComplete="off" defaultValue={v.name ?? ""} />}
        </Field>
        <Field id="new-email" label="E-mail" errors={e.email}>
          {(a) => (
            <Input
              {...a}
              name="email"
              type="email"
              autoComplete="off"
              defaultValue={v.email ?? ""}
            />
          )}
        </Field>
        <Field id="new-role" label="Role" errors={e.role}>
          {(a) => <Select {...a} name="role" defaultValue={v.role || "DRAFTER"} options={roles} />}
        </Field>
        <Field id="new-clearance" label="Clearance" errors={e.clearance}>
          {(a) => (
            <Select
              {...a}
              name="clearance"
              defaultValue={v.clearance || "UNCLASSIFIED"}
              options={clearances}
            />
          )}
        </Field>
        <Field
          id="new-password"
          label="Initial password (optional)"
          hint="Leave empty to invite: the person gets a one-time link to choose their own. Or set one of at least 12 characters and give it by a separate channel."
          errors={e.password}
        >
          {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" />}
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            Create account or invite
          </Button>
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <Outcome state={state} />
      </div>
    </form>
  );
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: string;
  clearance: string;
  active: boolean;
  totpEnabledAt: Date | null;
}

export function UserRowForms({
  user,
  update,
  reset,
  resetTotp,
  roles,
  clearances,
}: {
  user: UserRow;
  update: Action;
  reset: Action;
  resetTotp: Action;
  roles: Option[];
  clearances: Option[];
}) {
  const [uState, uAction, uPending] = useActionState(update, {});
  const [rState, rAction, rPending] = useActionState(reset, {});
  const [tState, tAction, tPending] = useActionState(resetTotp, {});
  return (
    <div className="space-y-3">
      <form action={uAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="userId" value={user.id} />
        <label className="text-sm">
          <span className="block font-semibold">Role</span>
          <Select
            name="role"
            defaultValue={user.role}
            aria-label={`Role of ${user.name}`}
            options={roles}
          />
        </label>
        <label className="text-sm">
          <span className="block font-semibold">Clearance</span>
          <Select
            name="clearance"
            defaultValue={user.clearance}
            aria-label={`Clearance of ${user.name}`}
            options={clearances}
          />
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input
            type="checkbox"
            name="active"
            defaultChecked={user.active}
            className="size-4 accent-brand"
            aria-label={`${user.name} may sign in`}
          />{" "}
          Enabled
        </label>
        <Button type="submit" size="sm" disabled={uPending}>
          Save {user.name}
        </Button>
      </form>
      <Outcome state={uState} />
      <form action={rAction} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="userId" value={user.id} />
        <label className="text-sm">
          <span className="block font-semibold">New password</span>
          <Input
            name="password"
            type="password"
            autoComplete="new-password"
            aria-label={`New password for ${user.name}`}
          />
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={rPending}>
          Reset password
        </Button>
      </form>
      <Outcome state={rState} />
      {user.totpEnabledAt && (
        <form action={tAction} className="flex flex-wrap items-center gap-3 text-sm">
          <input type="hidden" name="userId" value={user.id} />
          <span>Two-step sign-in is on.</span>
          <Button type="submit" size="sm" variant="secondary" disabled={tPending}>
            Remove two-step sign-in for {user.name}
          </Button>
        </form>
      )}
      <Outcome state={tState} />
    </div>
  );
}
