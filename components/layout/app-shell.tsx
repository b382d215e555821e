import Link from "next/link";
import type { ReactNode } from "react";
import { signOutEverywhereAction } from "@/app/(app)/session-actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav } from "@/components/layout/main-nav";
import { label } from "@/lib/validation/vocabulary";

interface ShellUser {
  name: string;
  role: string;
  clearance: string;
  needsSecondFactor?: boolean;
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to main content
      </a>
      <header className="border-b border-brand-strong bg-brand text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3 sm:px-6">
          <div className="flex items-center gap-8">
            <Link href="/" className="text-lg font-bold tracking-tight">
              Readout
            </Link>
            <MainNav admin={user.role === "ADMIN"} />
          </div>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/account" className="text-right leading-tight hover:underline" title="Your account and two-step sign-in">
              <span className="block font-semibold">{user.name}</span>
              <span className="block text-xs text-white/75">
                {label(user.role)} · cleared {label(user.clearance)}
              </span>
            </Link>
            <SignOutButton everywhere={signOutEverywhereAction} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {user.needsSecondFactor && (
          <p role="status" className="mb-6 rounded-md border border-danger bg-white p-3 text-sm">
            Administrators must use two-step sign-in. <Link href="/account" className="font-semibold text-brand underline">Set it up now</Link> to manage accounts.
          </p>
        )}
        {children}
      </main>
    </div>
  );
}
