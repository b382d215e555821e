import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallback } from "@/lib/validation/callback-url";

export const metadata: Metadata = { title: "Sign in" };


export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-xs font-semibold uppercase tracking-[0.2em] text-muted">Ministry of Foreign Affairs</p>
          <h1 className="mt-2 text-3xl font-bold text-brand">Readout</h1>
          <p className="mt-1 text-sm text-muted">Consultation records and briefings</p>
        </div>
        {(params.ended === "idle" || params.ended === "expired" || params.ended === "totp") && (
          <p role="status" className="mb-4 rounded-md border border-line bg-white p-3 text-sm">
            {params.ended === "idle"
              ? "You were signed out after a period without activity. Sign in again to continue."
              : params.ended === "expired"
                ? "Your session reached its maximum length. Sign in again to continue."
                : "Two-step sign-in changed: you were signed out on every device. Sign in again."}
          </p>
        )}
        {typeof params.welcome === "string" && (
          <p role="status" className="mb-4 rounded-md border border-line bg-white p-3 text-sm">
            Your password is set. Sign in with {params.welcome.slice(0, 254)} and your new password.
          </p>
        )}
        <SignInForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
