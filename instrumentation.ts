import type { Instrumentation } from "next";

export async function register() {
  // Next.js's own lines (start-up, errors it catches) and console.* as JSON, like lib/logger.ts.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  await import("next-logger");
  // PDF renderers start and warm up with the server (lib/pdf/worker.ts), not on the first download.
  if (process.env.NODE_ENV === "production") (await import("@/lib/pdf/pool")).startPdfRenderers();
}

/** A page, route or action that failed because PostgreSQL is unreachable: pages answer 503 until it is back (lib/request-gate.ts). */
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { markDatabaseUnavailable }] = await Promise.all([import("@/lib/errors"), import("@/lib/db-status")]);
  if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
};
