"use client";

import Link from "next/link";

/**
 * What a page shows when it could not be built (most often: the database is not answering).
 * Forms keep what was typed: their own errors are shown in place, never here.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center" role="alert">
      <h1 className="text-2xl font-bold">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-muted">
        Readout could not reach its database or hit an unexpected problem. Nothing was changed. Wait a moment and try again; if it keeps
        happening, tell your administrator the time it happened.
      </p>
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="px-4 py-2 font-semibold text-brand underline">
          Dashboard
        </Link>
      </div>
    </main>
  );
}
