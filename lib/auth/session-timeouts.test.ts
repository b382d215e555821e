import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { sessionAge } from "@/lib/auth/session-timeouts";
import { gate } from "@/lib/request-gate";

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

  describe("enforced by the request gate (lib/request-gate.ts) on every request", () => {
    // The gate in front of a stand-in for Next.js that answers with the request headers it was
    // handed: what the app would see.
    let server: http.Server;
    let base = "";
    beforeAll(async () => {
      process.env.NEXTAUTH_SECRET = SECRET;
      delete process.env.NEXTAUTH_URL;
      const app = gate(async (req, res) => {
        // As Next.js does for a page's or an action's own cookies: setHeader, not append.
        if (req.url === "/sets-cookie") res.setHeader("Set-Cookie", "app=1; Path=/");
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify(req.headers));
      });
      server = http.createServer((req, res) => void app(req, res));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const now = () => Math.floor(Date.now() / 1000);
    async function request(path: string, claims: { signedInAt: number; seen: number }, init: { method?: string; headers?: Record<string, string>; cookieName?: string; cookie?: (token: string) => string } = {}) {
      const token = await encode({ token: { uid: "u1", sv: 1, ...claims }, secret: SECRET, maxAge: 8 * 3600 });
      const cookie = init.cookie?.(token) ?? `other=1; ${init.cookieName ?? "next-auth.session-token"}=${token}`;
      const res = await fetch(`${base}${path}`, { method: init.method ?? "GET", redirect: "manual", headers: { cookie, ...init.headers } });
      const seen = res.status === 200 ? ((await res.json()) as Record<string, string>) : {};
      return { res, seen, setCookie: res.headers.getSetCookie().join("\n") };
    }

    it("a session cookie under another name next-auth also reads (a chunk name, a suffix) is checked and removed too", async () => {
      for (const cookieName of ["next-auth.session-token.0", "next-auth.session-tokenX"]) {
        const page = await request("/", { signedInAt: now() - 3600, seen: now() - 2 * 3600 }, { cookieName });
        expect(page.res.status, cookieName).toBe(307);
        expect(page.setCookie, cookieName).toContain(`${cookieName}=;`);
        const api = await request("/api/commitments/export", { signedInAt: now() - 3600, seen: now() - 2 * 3600 }, { cookieName });
        expect(api.res.status, cookieName).toBe(200);
        expect(api.seen.cookie, cookieName).toBe("other=1");
      }
    });

    it("reads cookies as the app does: a repeated name counts by its last value, a name is not trimmed", async () => {
      const idle = { signedInAt: now() - 3600, seen: now() - 2 * 3600 };
      const repeated = await request("/", idle, { cookie: (t) => `next-auth.session-token=junk; other=1; next-auth.session-token=${t}` });
      expect(repeated.res.status).toBe(307);
      const repeatedApi = await request("/api/x", idle, { cookie: (t) => `next-auth.session-token=junk; other=1; next-auth.session-token=${t}` });
      expect(repeatedApi.seen.cookie).toBe("other=1");
      const spaced = await request("/api/x", idle, { cookie: (t) => `other=1; next-auth.session-token =${t}` });
      expect(spaced.seen.cookie).toBe("other=1");
    });

    it("a cookie the app sets itself does not replace the gate's, and comes after it", async () => {
      const { setCookie } = await request("/sets-cookie", { signedInAt: now() - 3600, seen: now() - 10 * 60 });
      expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+;.*\napp=1; Path=\/$/s);
    });

    it("an idle session: a page redirects to sign-in saying why, and the cookie is removed", async () => {
      const { res, setCookie } = await request("/consultations?q=x", { signedInAt: now() - 3600, seen: now() - 31 * 60 });
      expect(res.status).toBe(307);
      const to = new URL(res.headers.get("location")!, base);
      expect(to.pathname).toBe("/signin");
      expect(to.searchParams.get("ended")).toBe("idle");
      expect(to.searchParams.get("callbackUrl")).toBe("/consultations?q=x");
      expect(setCookie).toMatch(/next-auth\.session-token=;.*Max-Age=0/i);
    });

    it("an expired session on a server action or an API route reaches the app without its session cookie", async () => {
      for (const [path, headers] of [
        ["/api/consultations/x/pdf", {}],
        ["/consultations/new", { "next-action": "abc" }],
      ] as const) {
        const { res, seen, setCookie } = await request(path, { signedInAt: now() - 9 * 3600, seen: now() - 5 }, { method: "POST", headers });
        expect(res.status, path).toBe(200);
        expect(seen.cookie, path).toBe("other=1");
        expect(setCookie, path).toMatch(/next-auth\.session-token=;/);
      }
    });

    it("an active session is moved on at most once a minute, keeping its sign-in time", async () => {
      const signedInAt = now() - 3600;
      const fresh = await request("/", { signedInAt, seen: now() - 10 });
      expect(fresh.res.status).toBe(200);
      expect(fresh.setCookie).not.toContain("next-auth.session-token");
      expect(fresh.seen.cookie).toContain("next-auth.session-token=");
      const stale = await request("/", { signedInAt, seen: now() - 10 * 60 });
      const cookie = /next-auth\.session-token=([^;]+)/.exec(stale.setCookie)?.[1];
      expect(cookie).toBeTruthy();
      expect(stale.setCookie).toMatch(/HttpOnly/i);
      expect(stale.setCookie).toMatch(/SameSite=Lax/i);
      const token = await decode({ token: cookie!, secret: SECRET });
      expect(token?.signedInAt).toBe(signedInAt);
      expect(token?.seen).toBeGreaterThanOrEqual(now() - 2);
      expect(token?.uid).toBe("u1");
      // Never on next-auth's own routes: a refreshed copy beside sign-out's cleared cookie could undo it.
      const signOut = await request("/api/auth/signout", { signedInAt, seen: now() - 10 * 60 }, { method: "POST" });
      expect(signOut.setCookie).not.toContain("next-auth.session-token");
    });

    it("every request gets an id (a trusted incoming one is kept); pages get a fresh CSP nonce, API routes none", async () => {
      const signedInAt = now() - 60;
      const a = await request("/", { signedInAt, seen: now() });
      const b = await request("/", { signedInAt, seen: now() });
      const nonce = (r: typeof a) => /'nonce-([^']+)'/.exec(r.res.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce(a)).toBeTruthy();
      expect(nonce(a)).not.toBe(nonce(b));
      // Next.js reads the nonce from the request's policy header: the app sees the same one.
      expect(a.seen["content-security-policy"]).toBe(a.res.headers.get("content-security-policy"));
      expect(a.seen["x-nonce"]).toBe(nonce(a));
      expect(a.res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.seen["x-request-id"]).toBe(a.res.headers.get("x-request-id"));
      const api = await request("/api/health", { signedInAt, seen: now() }, { headers: { "x-request-id": "lb-0123456789" } });
      expect(api.res.headers.get("content-security-policy")).toBeNull();
      expect(api.res.headers.get("x-request-id")).toBe("lb-0123456789");
      const odd = await request("/api/health", { signedInAt, seen: now() }, { headers: { "x-request-id": "<script>" } });
      expect(odd.res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      // A request that spoofs a policy header of its own gets the gate's.
      const spoof = await request("/", { signedInAt, seen: now() }, { headers: { "content-security-policy": "script-src *" } });
      expect(spoof.seen["content-security-policy"]).toContain("'strict-dynamic'");
    });

    it("built files skip the gate; a path that only looks like one does not", async () => {
      const built = await request("/_next/static/chunks/app.js", { signedInAt: now() - 3600, seen: now() - 2 * 3600 });
      expect(built.res.status).toBe(200);
      expect(built.res.headers.get("x-request-id")).toBeNull();
      // Sent as written (fetch would resolve the dot segment first).
      const token = await encode({ token: { uid: "u1", sv: 1, signedInAt: now() - 3600, seen: now() - 2 * 3600 }, secret: SECRET, maxAge: 8 * 3600 });
      const status = await new Promise<number | undefined>((resolve, reject) =>
        http.get({ host: "127.0.0.1", port: new URL(base).port, path: "/_next/static/../consultations", headers: { cookie: `next-auth.session-token=${token}` } }, (res) => resolve(res.resume().statusCode)).on("error", reject),
      );
      expect(status).toBe(307);
      // An escaped dot segment resolves out of /api/: treated as the page it reaches.
      const policy = await new Promise<string | undefined>((resolve, reject) =>
        http.get({ host: "127.0.0.1", port: new URL(base).port, path: "/api/%2e%2e/admin/users" }, (res) => resolve(res.resume().headers["content-security-policy"] as string | undefined)).on("error", reject),
      );
      expect(policy).toContain("'strict-dynamic'");
    });
  });
});
