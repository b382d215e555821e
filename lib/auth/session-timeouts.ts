import { encode, getToken, type JWT } from "next-auth/jwt";
// Next.js's own cookie parser and serialiser (what cookies() and NextResponse use), so that the
// request gate reads and writes cookies exactly as the app does.
import { stringifyCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { cachedDecode } from "@/lib/auth/jwt-cache";

// Idle and absolute session timeouts, enforced in lib/request-gate.ts on every request (pages, server
// actions and route handlers alike). The session is a JWT in a cookie: its sign-in time and the
// time of the last request are claims; the gate re-issues the cookie (at most once a minute)
// to move the last-request time on. Stateless, so it holds with several app instances.

const REFRESH_AFTER_S = 60;

export function timeouts(env: Record<string, string | undefined> = process.env) {
  return { idle: Number(env.SESSION_IDLE_MINUTES ?? 30) * 60, absolute: Number(env.SESSION_MAX_HOURS ?? 8) * 3600 };
}

export type SessionAge = "none" | "fresh" | "refresh" | "idle" | "expired";

/** What to do with a session token at `now` (seconds). */
export function sessionAge(token: Pick<JWT, "signedInAt" | "seen"> | null, now: number, limits = timeouts()): SessionAge {
  if (!token) return "none";
  // A token from before these claims existed counts as signed in at the epoch: it has ended.
  const signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
  const seen = typeof token.seen === "number" ? token.seen : signedInAt;
  if (now - signedInAt >= limits.absolute) return "expired";
  if (now - seen >= limits.idle) return "idle";
  return now - seen >= REFRESH_AFTER_S ? "refresh" : "fresh";
}

export function sessionCookieName(): string {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * Every cookie next-auth would read as the session: its name, and any name starting with it
 * (next-auth joins "<name>.0", "<name>.1"… as chunks of one token, and matches by prefix).
 */
export function sessionCookieNames(cookies: ReadonlyMap<string, string>): string[] {
  return [...cookies.keys()].filter((name) => name.startsWith(sessionCookieName()));
}

/**
 * Reads the request's session (its cookies by name) and decides: "idle"/"expired" (the caller
 * drops the cookies and treats the request as signed out), "refresh" (the caller sets the
 * returned cookie value), or nothing to do.
 */
export async function checkSession(cookies: ReadonlyMap<string, string>, now = Math.floor(Date.now() / 1000)): Promise<{ age: SessionAge; refreshed?: string; maxAge?: number }> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || sessionCookieNames(cookies).length === 0) return { age: "none" };
  // next-auth's own reading (chunked cookies joined), cookies only: no Authorization header.
  const token = await getToken({ req: { cookies, headers: {} } as never, secret, cookieName: sessionCookieName(), decode: cachedDecode }).catch(() => null);
  // Cookies that do not decode are no session (next-auth will not accept them either).
  if (!token) return { age: "none" };
  const age = sessionAge(token, now);
  if (age !== "refresh") return { age };
  const maxAge = Math.max(60, (token.signedInAt ?? now) + timeouts().absolute - now);
  return { age, refreshed: await encode({ token: { ...token, seen: now }, secret, maxAge }), maxAge };
}

/** The Set-Cookie value of a (re-issued) session cookie, as next-auth sets it. */
export function sessionCookie(value: string, maxAge: number): string {
  const name = sessionCookieName();
  return stringifyCookie({ name, value, httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge });
}

/** The Set-Cookie value that removes the cookie `name`. */
export function expiredSessionCookie(name: string): string {
  return stringifyCookie({ name, value: "", httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: 0 });
}
