// What the drill and the load benchmark do to a running Readout, over HTTP as a browser does:
// sign in through next-auth, save through the editor's server action (called as React calls
// it), download PDFs, open pages. Each call answers with what happened and how long it took.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

export interface Call {
  kind: string;
  /** ok | unavailable (a clean 503 / UNAVAILABLE) | conflict | refused (4xx) | error (5xx, INTERNAL) | network (no answer: the server is down) */
  outcome: "ok" | "unavailable" | "conflict" | "refused" | "error" | "network";
  status: number;
  ms: number;
  at: number;
  detail?: string;
}

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = [...jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0]!)];
  if (!cookies.some((c) => c.includes("session-token"))) throw new Error(`sign-in failed for ${email} (${login.status})`);
  return cookies.join("; ");
}

let manifest: Record<string, { exportedName?: string }> | undefined;
/** A server action's id, from the build's manifest. */
export function actionId(name: string): string {
  manifest ??= (JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { exportedName?: string }> }).node;
  const found = Object.entries(manifest).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`server action ${name} is not in the build's manifest`);
  return found[0];
}

async function timed(kind: string, run: () => Promise<Omit<Call, "kind" | "ms" | "at">>): Promise<Call> {
  const at = Date.now();
  const t = performance.now();
  try {
    const r = await run();
    return { kind, ...r, ms: performance.now() - t, at };
  } catch (error) {
    const e = error as { cause?: { code?: string }; message?: string };
    return { kind, outcome: "network", status: 0, ms: performance.now() - t, at, detail: e.cause?.code ?? e.message };
  }
}

export type SaveAnswer = Call & { version?: number; currentVersion?: number };

/** The editor's save: POST to the edit page with the action's id and [id, baseVersion, data]. */
export async function saveRecord(base: string, cookie: string, id: string, version: number, data: unknown): Promise<SaveAnswer> {
  let version_: number | undefined;
  let current: number | undefined;
  const call = await timed("save", async () => {
    const res = await fetch(`${base}/consultations/${id}/edit`, {
      method: "POST",
      headers: { "Next-Action": actionId("saveRecordAction"), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8", Cookie: cookie, Origin: base },
      body: JSON.stringify([id, version, data]),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await res.text();
    if (res.status >= 500) return { outcome: "error" as const, status: res.status, detail: body.slice(0, 120) };
    // The action's answer is the RSC line that holds {"status": …}.
    const line = body.split("\n").find((l) => /^\d+:\{"status":/.test(l));
    const answer = line ? (JSON.parse(line.slice(line.indexOf(":") + 1)) as { status: string; version?: number; code?: string; conflict?: { version?: number } }) : null;
    if (!answer) return { outcome: "error" as const, status: res.status, detail: `no action answer: ${body.slice(0, 120)}` };
    if (answer.status === "saved") {
      version_ = answer.version;
      return { outcome: "ok" as const, status: res.status };
    }
    if (answer.status === "conflict") {
      current = answer.conflict?.version;
      return { outcome: "conflict" as const, status: res.status };
    }
    if (answer.status === "error" && answer.code === "UNAVAILABLE") return { outcome: "unavailable" as const, status: res.status };
    if (answer.status === "error" && answer.code === "INTERNAL") return { outcome: "error" as const, status: res.status, detail: "INTERNAL" };
    return { outcome: "refused" as const, status: res.status, detail: answer.code ?? answer.status };
  });
  return { ...call, version: version_, currentVersion: current };
}

function byStatus(status: number, location: string | null): Call["outcome"] {
  // A redirect to sign-in is a lost session, not a success; 304 is a cache hit.
  if (status >= 300 && status < 400 && status !== 304) return location && !location.includes("/signin") ? "ok" : "refused";
  if (status < 400) return "ok";
  if (status === 503) return "unavailable";
  if (status === 409) return "conflict";
  return status >= 500 ? "error" : "refused";
}

/** GET a page or a route handler; the body is read in full (a PDF too). */
export function get(base: string, cookie: string, path: string, kind: string, headers: Record<string, string> = {}): Promise<Call & { etag?: string }> {
  let etag: string | undefined;
  return timed(kind, async () => {
    const res = await fetch(`${base}${path}`, { headers: { Cookie: cookie, ...headers }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    etag = res.headers.get("etag") ?? undefined;
    return { outcome: byStatus(res.status, res.headers.get("location")), status: res.status };
  }).then((c) => ({ ...c, etag }));
}

export interface App {
  base: string;
  child: ChildProcess;
  /** Every line the server wrote (stdout and stderr). */
  lines: string[];
  /** How many of them came before it answered (Next.js's start-up banner, printed before logging is set up). */
  bannerLines: number;
  alive(): boolean;
  stop(): Promise<void>;
}

/** The production server (scripts/serve.mjs: Next.js once per CPU) on `port` (a production build must exist). */
export async function startApp(port: number, env: Record<string, string>): Promise<App> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "info", ...env },
  });
  const lines: string[] = [];
  let pending = "";
  const collect = (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    lines.push(...parts.filter(Boolean));
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const app: App = {
    base,
    child,
    lines,
    bannerLines: 0,
    // scripts/serve.mjs replaces a server process that dies and says so: that counts as down.
    alive: () => child.exitCode === null && child.signalCode === null && !lines.some((l) => l.includes("[readout] server process") && l.includes(" ended (")),
    stop: async () => {
      if (!app.alive()) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
  for (let i = 0; i < 240; i++) {
    if (!app.alive()) throw new Error(`the server exited:\n${lines.slice(-20).join("\n")}`);
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) {
      app.bannerLines = lines.length;
      return app;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /api/health within 60 s");
}

export function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((q / 100) * s.length))] ?? NaN;
}
