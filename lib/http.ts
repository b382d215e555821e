import "server-only";
import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** Maps an error thrown in a route handler to a JSON response; unknown errors become a bare 500. */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
  }
  logger.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, "unhandled route error");
  return NextResponse.json({ error: { code: "INTERNAL", message: "Something went wrong." } }, { status: 500 });
}
