import { markDatabaseUnavailable } from "@/lib/db-status";

export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID_INPUT" | "UNAVAILABLE" | "RATE_LIMITED" | "RENDER_FAILED";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_INPUT: 422,
  UNAVAILABLE: 503,
  RATE_LIMITED: 429,
  /** A PDF render that crashed or ran past its time: that request fails, clearly; the server goes on. */
  RENDER_FAILED: 500,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message?: string) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// How a lost or refused database connection shows itself through pg and Prisma's adapter:
// socket errors, pg's pool timeouts and terminations, and PostgreSQL's own shutdown and
// "not accepting connections yet" codes (class 08, 57P01–57P03).
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection timeout|Client has encountered a connection error|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|ECONNREFUSED|ECONNRESET|Connection refused|server closed the connection unexpectedly|Server has closed the connection/i;

/** True when `error` (or anything in its cause chain) says PostgreSQL cannot be reached right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; depth++) {
    if (typeof e !== "object") return typeof e === "string" && UNAVAILABLE_MESSAGES.test(e);
    const { code, message, cause, originalCode, originalMessage, kind } = e as Record<string, unknown>;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08") || code === "P1001" || code === "P1017")) return true;
    if (typeof originalCode === "string" && (UNAVAILABLE_CODES.has(originalCode) || originalCode.startsWith("08"))) return true;
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
    // Messages only of errors that are not about parsing or types (a parse error can echo input).
    const generic = e instanceof SyntaxError || e instanceof TypeError || e instanceof RangeError;
    if (!generic && typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (typeof originalMessage === "string" && UNAVAILABLE_MESSAGES.test(originalMessage)) return true;
    e = cause;
  }
  return false;
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering right now. Nothing was changed; try again in a moment.";

/**
 * The error as something the user may be told: an AppError as it is, a lost database as
 * UNAVAILABLE (503); anything else null (a bug: log it, answer a generic 500).
 */
export function asAppError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) {
    markDatabaseUnavailable();
    return new AppError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE);
  }
  return null;
}
