"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Shown once the password was right and the account uses two-step sign-in.
  const [askCode, setAskCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        const message = result?.error ?? "";
        if (message.startsWith("Enter the 6-digit code") || message.startsWith("That code is not correct")) {
          setAskCode(true);
          setError(message.startsWith("That code") ? message : null);
          return;
        }
        setError(
          message.startsWith("Too many failed sign-ins") || message.startsWith("Sign-in is not available") ? message : "The e-mail address or password is not correct.",
        );
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Sign-in is not available right now. Try again in a moment.");
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="space-y-5" noValidate aria-describedby={error ? "signin-error" : undefined}>
        <h2 className="text-lg font-semibold">Sign in</h2>
        {error && <Alert id="signin-error">{error}</Alert>}
        <Field id="email" label="E-mail">
          {(a11y) => <Input {...a11y} name="email" type="email" autoComplete="username" required autoFocus />}
        </Field>
        <Field id="password" label="Password">
          {(a11y) => <Input {...a11y} name="password" type="password" autoComplete="current-password" required />}
        </Field>
        {askCode && (
          <Field id="code" label="Authenticator code" hint="Two-step sign-in is on for this account: enter the 6 digits your authenticator app shows.">
            {(a11y) => <Input {...a11y} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={8} required autoFocus />}
          </Field>
        )}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : askCode ? "Verify and sign in" : "Sign in"}
        </Button>
      </form>
    </Card>
  );
}
