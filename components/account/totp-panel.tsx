"use client";

import { useActionState, useState, useTransition } from "react";
import type { beginTotpSetupAction, confirmTotpSetupAction, disableTotpAction } from "@/app/(app)/account/actions";
import type { TotpSetup } from "@/lib/domain/users/totp";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

interface Props {
  enabled: boolean;
  required: boolean;
  begin: typeof beginTotpSetupAction;
  confirm: typeof confirmTotpSetupAction;
  disable: typeof disableTotpAction;
}

function CodeField({ errors }: { errors?: string[] }) {
  return (
    <Field id="totp-code" label="Code from the app" hint="6 digits; a new one every 30 seconds." errors={errors}>
      {(a11y) => <Input {...a11y} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} className="max-w-40" required />}
    </Field>
  );
}

export function TotpPanel({ enabled, required, begin, confirm, disable }: Props) {
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [beginError, setBeginError] = useState<string | null>(null);
  const [starting, start] = useTransition();
  const [cState, cAction, cPending] = useActionState(confirm, {});
  const [dState, dAction, dPending] = useActionState(disable, {});

  if (enabled) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm font-semibold text-ok">
          Two-step sign-in is on.
        </p>
        {required ? (
          <p className="text-sm text-muted">Administrators must keep it on. If you lose your phone, another administrator can remove it so you can set it up again.</p>
        ) : (
          <form action={dAction} className="space-y-3" noValidate>
            <p className="text-sm text-muted">To turn it off, confirm with your password and a code. You will be signed out on every device.</p>
            {dState.message && <Alert>{dState.message}</Alert>}
            <Field id="totp-password" label="Password" errors={dState.fieldErrors?.password}>
              {(a11y) => <Input {...a11y} name="password" type="password" autoComplete="current-password" className="max-w-80" required />}
            </Field>
            <CodeField errors={dState.fieldErrors?.code} />
            <Button type="submit" variant="secondary" disabled={dPending}>
              Turn two-step sign-in off
            </Button>
          </form>
        )}
      </div>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-3">
        <p className="text-sm">Two-step sign-in is off.</p>
        {beginError && <Alert>{beginError}</Alert>}
        <Button
          type="button"
          disabled={starting}
          onClick={() =>
            start(async () => {
              const r = await begin();
              if (r.setup) setSetup(r.setup);
              else setBeginError(r.message ?? "The set-up could not start; please try again.");
            })
          }
        >
          Set up two-step sign-in
        </Button>
      </div>
    );
  }

  return (
    <form action={cAction} className="space-y-4" noValidate>
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          In your authenticator app, add an account by scanning this code
          {/* A data: URL made on the server: nothing is fetched from elsewhere. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={setup.qr} alt="QR code for your authenticator app" width={200} height={200} className="my-3 rounded border border-line" />
          or by typing this key: <code className="select-all rounded bg-surface px-1.5 py-0.5 font-mono tracking-wider" aria-label="Key to type into the app">{setup.secret}</code>
        </li>
        <li>Enter the code the app now shows, to check that it works. Two-step sign-in is on from then: you will be signed out everywhere and sign in again with a code.</li>
      </ol>
      {cState.message && <Alert>{cState.message}</Alert>}
      <CodeField errors={cState.fieldErrors?.code} />
      <Button type="submit" disabled={cPending}>
        Turn two-step sign-in on
      </Button>
    </form>
  );
}
