import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-sm text-muted">This page or record does not exist, or you are not cleared to see it.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
