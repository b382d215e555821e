import type { Metadata } from "next";
import Link from "next/link";
import { WelcomeForm } from "@/components/auth/welcome-form";
import { findInvitation } from "@/lib/domain/users/invitations";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Welcome", referrer: "no-referrer" };

export default async function WelcomePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-xs font-semibold uppercase tracking-[0.2em] text-muted">Ministry of Foreign Affairs</p>
          <h1 className="mt-2 text-3xl font-bold text-brand">Readout</h1>
        </div>
        {invitation ? (
          <>
            <p className="mb-4 text-sm">
              Welcome, {invitation.name}. Choose the password for <strong>{invitation.email}</strong>; you will then sign in with it.
            </p>
            <WelcomeForm token={token} action={acceptInvitationAction} />
          </>
        ) : (
          <div className="rounded-lg border border-line bg-white p-6 text-sm shadow-sm">
            <h2 className="mb-2 text-lg font-semibold">This link no longer works</h2>
            <p>It was used already, or it expired. Ask an administrator for a new invitation.</p>
            <p className="mt-4">
              <Link href="/signin" className="font-semibold text-brand underline-offset-2 hover:underline">
                Go to sign-in
              </Link>
            </p>
          </div>
        )}
      </div>
    </main>
  );
}
