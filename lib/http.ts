import "server-only";
import { NextResponse } from "next/server";
import { asAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** Maps an error thrown in a route handler to a JSON response (a lost database is a 503); unknown errors become a bare 500. */
export function errorResponse(error: unknown): NextResponse {
  const known = asAppError(error);
  if (known) {
    const headers: Record<string, string> = known.code === "UNAVAILABLE" ? { "Retry-After": "5" } : {};
    if (known.code === "UNAVAILABLE") logger.warn({ err: error instanceof Error ? error.message : String(error) }, "database unavailable");
    return NextResponse.json({ error: { code: known.code, message: known.message } }, { status: known.status, headers });
  }
  logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "unhandled route error");
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong." } }, { status: 500 });
}
