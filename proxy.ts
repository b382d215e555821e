import { NextResponse, type NextRequest } from "next/server";
import { checkSession, dropSessionCookies, sessionCookieNames, setSessionCookie } from "@/lib/auth/session-timeouts";
import { databaseUnavailableSince, markDatabaseAvailable } from "@/lib/db-status";
import { REQUEST_ID_HEADER } from "@/lib/request-id";

// An id a load balancer already gave the request is kept when it looks like one; anything else
// (absent, too long, odd characters a log reader could trip on) is replaced.
const TRUSTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Every request gets an id (X-Request-Id on the response and on every log line written while
 * serving it). Pages also get a Content-Security-Policy with a fresh nonce: Next.js puts the
 * nonce on its own scripts (it reads it from the request's CSP header), and no other script
 * runs — no inline script, no injected one. The other security headers are in next.config.js.
 */
export async function proxy(request: NextRequest) {
  const incoming = request.headers.get(REQUEST_ID_HEADER);
  const requestId = incoming && TRUSTED_ID.test(incoming) ? incoming : crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);

  // API responses (PDFs, CSV, JSON) carry no scripts: no policy needed there.
  const page = !request.nextUrl.pathname.startsWith("/api/");
  // Server actions answer UNAVAILABLE themselves, in a form the page can show without losing input.
  if (page && !request.headers.has("next-action") && !(await databaseAnswers())) return unavailablePage(requestId);
  let csp: string | undefined;
  if (page) {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const dev = process.env.NODE_ENV !== "production";
    csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
      // React sets style attributes; no script can be smuggled through a style.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
  }
  // Idle and absolute session timeouts: an ended session is removed before the app sees it.
  const session = await checkSession(request);
  const ended = session.age === "idle" || session.age === "expired";
  const sessionCookies = ended ? sessionCookieNames(request) : [];
  if (ended && page && request.method === "GET" && !request.headers.has("next-action") && !request.nextUrl.pathname.startsWith("/signin")) {
    const to = new URL("/signin", request.url);
    to.searchParams.set("ended", session.age);
    to.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    const redirect = NextResponse.redirect(to);
    dropSessionCookies(redirect, sessionCookies);
    redirect.headers.set("X-Request-Id", requestId);
    return redirect;
  }
  if (ended) {
    headers.set(
      "cookie",
      (request.headers.get("cookie") ?? "")
        .split(/;\s*/)
        .filter((c) => !sessionCookies.includes(c.slice(0, c.indexOf("="))))
        .join("; "),
    );
  }

  const response = NextResponse.next({ request: { headers } });
  if (ended) dropSessionCookies(response, sessionCookies);
  // Not on next-auth's own routes: its sign-in and sign-out set the cookie themselves, and a
  // refreshed copy sent alongside could undo a sign-out.
  else if (session.refreshed && session.maxAge && !request.nextUrl.pathname.startsWith("/api/auth/")) setSessionCookie(response, session.refreshed, session.maxAge);
  response.headers.set("X-Request-Id", requestId);
  if (csp) response.headers.set("Content-Security-Policy", csp);
  return response;
}

type Pool = { query(sql: string): Promise<unknown> };

/**
 * True unless PostgreSQL was just seen unreachable and still does not answer. Costs nothing in
 * normal times; during an outage each page request checks again (1 s at most), so pages come
 * back as soon as the database does. The pool is the app's own (lib/db.ts keeps it on globalThis).
 */
async function databaseAnswers(): Promise<boolean> {
  if (databaseUnavailableSince() === undefined) return true;
  const pool = (globalThis as { readoutDb?: { pool: Pool } }).readoutDb?.pool;
  if (!pool) return true;
  try {
    await Promise.race([pool.query("select 1"), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 1_000))]);
    markDatabaseAvailable();
    return true;
  } catch {
    return false;
  }
}

function unavailablePage(requestId: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Readout is briefly unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:6rem auto;padding:0 1rem;color:#1f2937"><h1 style="font-size:1.5rem">Readout is briefly unavailable</h1><p>Its database is not answering. Nothing you saved is lost. This page tries again every 10 seconds.</p><p style="color:#6b7280;font-size:.875rem">Reference: ${requestId}</p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store", "X-Request-Id": requestId, "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" },
  });
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|favicon.ico).*)" }],
};
