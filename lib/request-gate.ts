import type { IncomingMessage, ServerResponse } from "node:http";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { checkSession, expiredSessionCookie, sessionCookie, sessionCookieName, sessionCookieNames } from "@/lib/auth/session-timeouts";
import { databaseUnavailableSince, markDatabaseAvailable } from "@/lib/db-status";

// What every request goes through before Next.js sees it (scripts/serve.mjs runs it in front of
// Next.js's request handler; decision 0013). It does what a `proxy.ts` would, without the second
// pass through Next.js's request pipeline that invoking a proxy costs on every request.

/** Header carrying the id each request is given here (or keeps from a trusted load balancer). */
export const REQUEST_ID_HEADER = "x-request-id";

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

// An id a load balancer already gave the request is kept when it looks like one; anything else
// (absent, too long, odd characters a log reader could trip on) is replaced.
const TRUSTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

// Built files and icons carry no session and need no policy. Only plain paths: anything that a
// router could read differently (dot segments, escapes) goes through the gate like a page.
const STATIC = /^\/(?:_next\/static\/[A-Za-z0-9._~/-]*|icon\.svg|favicon\.ico)$/;

/**
 * Every request gets an id (X-Request-Id on the response and on every log line written while
 * serving it). Pages also get a Content-Security-Policy with a fresh nonce: Next.js puts the
 * nonce on its own scripts (it reads it from the request's CSP header), and no other script
 * runs — no inline script, no injected one. The other security headers are in next.config.js.
 * Ended sessions (idle, expired) are removed before the app sees them; an active one is moved
 * on at most once a minute. While PostgreSQL is unreachable, pages answer a 503 page.
 */
export function gate(next: Handler): Handler {
  return async (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const raw = query === -1 ? url : url.slice(0, query);
    // The path as a router resolves it (dot segments, also escaped ones, removed). A request counts
    // as an API call or a built file only if it is one both as sent and as resolved.
    const resolved = raw.startsWith("/") && !raw.startsWith("//") ? new URL(raw, "http://gate").pathname : raw;
    if (STATIC.test(raw) && STATIC.test(resolved) && !/\/\.\.?(?:\/|$)/.test(raw)) return next(req, res);

    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === "string" && TRUSTED_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);

    // API responses (PDFs, CSV, JSON) carry no scripts: no policy needed there.
    const page = !(raw.startsWith("/api/") && resolved.startsWith("/api/"));
    const action = req.headers["next-action"] !== undefined;
    // Server actions answer UNAVAILABLE themselves, in a form the page can show without losing input.
    if (page && !action && !(await databaseAnswers())) return unavailablePage(res, requestId);
    if (page) {
      const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
      const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
      req.headers["x-nonce"] = nonce;
      req.headers["content-security-policy"] = csp;
      res.setHeader("Content-Security-Policy", csp);
    }

    // Idle and absolute session timeouts: an ended session is removed before the app sees it.
    // Cookies are read as the app reads them (Next.js's parser: the last of a repeated name wins).
    const cookieHeader = req.headers.cookie ?? "";
    const cookies = parseCookie(cookieHeader);
    const session = await checkSession(cookies);
    if (session.age === "idle" || session.age === "expired") {
      const names = sessionCookieNames(cookies);
      const dropped = expiredSessionCookies(names);
      if (page && req.method === "GET" && !action && !resolved.startsWith("/signin")) {
        const to = new URLSearchParams({ ended: session.age, callbackUrl: url });
        res.statusCode = 307;
        res.setHeader("Location", `/signin?${to}`);
        res.setHeader("Set-Cookie", dropped);
        res.setHeader("Cache-Control", "no-store");
        res.end();
        return;
      }
      // Every pair under a removed name goes, split and named as the parser above does.
      req.headers.cookie = cookieHeader
        .split(/; */)
        .filter((pair) => !names.includes(pair.includes("=") ? pair.slice(0, pair.indexOf("=")) : pair))
        .join("; ");
      keepSetCookies(res, dropped);
    } else if (session.refreshed && session.maxAge && !resolved.startsWith("/api/auth/")) {
      // Not on next-auth's own routes: its sign-in and sign-out set the cookie themselves, and a
      // refreshed copy sent alongside could undo a sign-out.
      keepSetCookies(res, [sessionCookie(session.refreshed, session.maxAge)]);
    }
    return next(req, res);
  };
}

/**
 * Sets these cookies on the response and keeps them there: Next.js sets a page's or an action's
 * own cookies with setHeader, which would replace them. The app's come after ours, so a cookie
 * the app sets (a sign-out clearing the session) wins over the gate's.
 */
function keepSetCookies(res: ServerResponse, ours: string[]): void {
  res.setHeader("Set-Cookie", ours);
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    name.toLowerCase() === "set-cookie" ? setHeader(name, [...ours, ...(Array.isArray(value) ? value : [String(value)])]) : setHeader(name, value);
}

/** Set-Cookie values removing the session: under its own name and every name next-auth would read as it. */
function expiredSessionCookies(names: string[]): string[] {
  return [...new Set([sessionCookieName(), ...names])].map(expiredSessionCookie);
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
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
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([pool.query("select 1"), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), 1_000)))]);
    markDatabaseAvailable();
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function unavailablePage(res: ServerResponse, requestId: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Readout is briefly unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:6rem auto;padding:0 1rem;color:#1f2937"><h1 style="font-size:1.5rem">Readout is briefly unavailable</h1><p>Its database is not answering. Nothing you saved is lost. This page tries again every 10 seconds.</p><p style="color:#6b7280;font-size:.875rem">Reference: ${requestId}</p></body></html>`;
  res.writeHead(503, {
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": "10",
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}
