import { describe, expect, it, beforeAll } from "vitest";
import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { sessionAge } from "@/lib/auth/session-timeouts";
import { proxy } from "@/proxy";

const limits = { idle: 30 * 60, absolute: 8 * 3600 };
const SECRET = "session-timeouts-test-secret-0123456789abcdef";

describe("session timeouts", () => {
  it("a session ends after the idle time without requests, and after the absolute time whatever happens", () => {
    const t = 1_800_000_000;
    expect(sessionAge(null, t, limits)).toBe("none");
    expect(sessionAge({ signedInAt: t, seen: t }, t + 30, limits)).toBe("fresh");
    expect(sessionAge({ signedInAt: t, seen: t }, t + 61, limits)).toBe("refresh");
    expect(sessionAge({ signedInAt: t, seen: t }, t + 30 * 60 - 1, limits)).toBe("refresh");
    expect(sessionAge({ signedInAt: t, seen: t }, t + 30 * 60, limits)).toBe("idle");
    // Active all day: still ends at 8 hours.
    expect(sessionAge({ signedInAt: t, seen: t + 8 * 3600 - 10 }, t + 8 * 3600, limits)).toBe("expired");
    // A token without the claims (from before they existed) is over.
    expect(sessionAge({}, t, limits)).toBe("expired");
  });

  describe("enforced in proxy.ts on every request", () => {
    beforeAll(() => {
      process.env.NEXTAUTH_SECRET = SECRET;
      delete process.env.NEXTAUTH_URL;
    });
    const now = () => Math.floor(Date.now() / 1000);
    async function request(path: string, claims: { signedInAt: number; seen: number }, init: { method?: string; headers?: Record<string, string>; cookieName?: string } = {}) {
      const token = await encode({ token: { uid: "u1", sv: 1, ...claims }, secret: SECRET, maxAge: 8 * 3600 });
      return new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", headers: { cookie: `other=1; ${init.cookieName ?? "next-auth.session-token"}=${token}`, ...init.headers } });
    }

    it("a session cookie under another name next-auth also reads (a chunk name, a suffix) is checked and removed too", async () => {
      for (const cookieName of ["next-auth.session-token.0", "next-auth.session-tokenX"]) {
        const page = await proxy(await request("/", { signedInAt: now() - 3600, seen: now() - 2 * 3600 }, { cookieName }));
        expect(page.status, cookieName).toBe(307);
        expect(page.headers.get("set-cookie"), cookieName).toContain(`${cookieName}=;`);
        const api = await proxy(await request("/api/commitments/export", { signedInAt: now() - 3600, seen: now() - 2 * 3600 }, { cookieName }));
        expect(api.headers.get("x-middleware-request-cookie") ?? "", cookieName).not.toContain(cookieName);
      }
    });

    it("an idle session: a page redirects to sign-in saying why, and the cookie is removed", async () => {
      const res = await proxy(await request("/consultations?q=x", { signedInAt: now() - 3600, seen: now() - 31 * 60 }));
      expect(res.status).toBe(307);
      const to = new URL(res.headers.get("location")!);
      expect(to.pathname).toBe("/signin");
      expect(to.searchParams.get("ended")).toBe("idle");
      expect(to.searchParams.get("callbackUrl")).toBe("/consultations?q=x");
      expect(res.headers.get("set-cookie")).toMatch(/next-auth\.session-token=;.*Max-Age=0/i);
    });

    it("an expired session on a server action or an API route reaches the app without its session cookie", async () => {
      const res = await proxy(await request("/api/consultations/x/pdf", { signedInAt: now() - 9 * 3600, seen: now() - 5 }));
      expect(res.status).toBe(200);
      // What the app will see: the request headers NextResponse.next() forwards.
      const forwarded = res.headers.get("x-middleware-request-cookie") ?? "";
      expect(forwarded).not.toContain("next-auth.session-token");
      expect(forwarded).toContain("other=1");
      expect(res.headers.get("set-cookie")).toMatch(/next-auth\.session-token=;/);
    });

    it("an active session is moved on at most once a minute, keeping its sign-in time", async () => {
      const signedInAt = now() - 3600;
      const fresh = await proxy(await request("/", { signedInAt, seen: now() - 10 }));
      expect(fresh.headers.get("set-cookie") ?? "").not.toContain("next-auth.session-token");
      const stale = await proxy(await request("/", { signedInAt, seen: now() - 10 * 60 }));
      const cookie = /next-auth\.session-token=([^;]+)/.exec(stale.headers.get("set-cookie") ?? "")?.[1];
      expect(cookie).toBeTruthy();
      const token = await decode({ token: cookie!, secret: SECRET });
      expect(token?.signedInAt).toBe(signedInAt);
      expect(token?.seen).toBeGreaterThanOrEqual(now() - 2);
      expect(token?.uid).toBe("u1");
      // Never on next-auth's own routes: a refreshed copy beside sign-out's cleared cookie could undo it.
      const signOut = await proxy(await request("/api/auth/signout", { signedInAt, seen: now() - 10 * 60 }, { method: "POST" }));
      expect(signOut.headers.get("set-cookie") ?? "").not.toContain("next-auth.session-token");
    });
  });
});
