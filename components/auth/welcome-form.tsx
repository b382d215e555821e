"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { WelcomeState, acceptInvitationAction } from "@/app/welcome/[token]/actions";

export function WelcomeForm({ token, action }: { token: string; action: typeof acceptInvitationAction }) {
  const [state, formAction, pending] = useActionState<WelcomeState, FormData>(action, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="space-y-4 rounded-lg border border-line bg-white p-6 shadow-sm" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field id="welcome-password" label="Choose a password" hint="At least 12 characters" errors={e.password}>
        {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Field id="welcome-confirm" label="Type it again" errors={e.confirm}>
        {(a) => <Input {...a} name="confirm" type="password" autoComplete="new-password" required />}
      </Field>
      {state.message && <Alert>{state.message}</Alert>}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Saving…" : "Set my password"}
      </Button>
    </form>
  );
}
