import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// scripts/serve.mjs with a stand-in for a server process (READOUT_SERVER_BIN): a server that answers its pid, and ends
// with exit code 3 on /crash (or at once, with CRASH_AT_START).
const dir = mkdtempSync(path.join(tmpdir(), "readout-serve-"));
const fake = path.join(dir, "fake-next.mjs");
writeFileSync(
  fake,
  `import http from "node:http";
if (process.env.CRASH_AT_START) process.exit(3);
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http.createServer((req, res) => {
  res.end(String(process.pid));
  if (req.url === "/crash") setTimeout(() => process.exit(3), 10);
}).listen(port);
`,
);

let port = 0;
const running: ChildProcess[] = [];
afterEach(() => running.forEach((c) => c.kill("SIGKILL")));

/** A port nothing listens on, from the system (a fixed range could meet a process left running). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    // On every address, as the servers listen.
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function serve(env: Record<string, string> = {}) {
  port = await freePort();
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    // No PDF renderers unless a test asks for them (READOUT_PDF_WORKER_FILE: a file that does not exist).
    env: { ...process.env, READOUT_SERVER_BIN: fake, READOUT_PDF_WORKER_FILE: path.join(dir, "missing.mjs"), WEB_CONCURRENCY: "2", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/**
 * A new connection each time, so the primary hands each to the next process. One handed to a
 * process in the instant it dies may never be answered: given up after 2 s (and asked again).
 */
const get = (p = "/") =>
  new Promise<string>((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port, path: p, agent: false }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve(body));
    });
    req.setTimeout(2000, () => req.destroy(new Error("no answer in 2 s")));
    req.on("error", reject);
  });

async function pids(n = 12): Promise<Set<string>> {
  for (let i = 0; i < 100; i++) {
    try {
      const seen = new Set<string>();
      for (let j = 0; j < n; j++) seen.add(await get());
      return seen;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error("the server did not answer");
}

describe("scripts/serve.mjs", () => {
  it("serves from one process per WEB_CONCURRENCY on one port, replaces one that dies, and stops on SIGTERM with exit 0", async () => {
    const server = await serve();
    // The first process to listen answers everything until the second listens too.
    let before = await pids();
    for (let i = 0; i < 50 && before.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      before = await pids();
    }
    expect(before.size).toBe(2);
    await get("/crash");
    let after = await pids();
    for (let i = 0; i < 50 && (after.size < 2 || [...after].every((p) => before.has(p))); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await pids();
    }
    expect(after.size).toBe(2);
    expect([...after].some((p) => !before.has(p))).toBe(true);
    expect(server.output()).toMatch(/server process \d+ ended \(exit 3\); starting another/);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);

  it("stops with exit 1 rather than restart a process that keeps dying", async () => {
    const server = await serve({ CRASH_AT_START: "1" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/too many in a minute, stopping/);
  }, 90_000);
});

// A stand-in renderer (READOUT_PDF_WORKER_FILE) and a stand-in server process that asks the
// primary's renderers for renders through lib/pdf/shared-renderers.ts, as lib/pdf/pool.ts does.
const renderer = path.join(dir, "renderer.mjs");
writeFileSync(
  renderer,
  `export default async function (task) {
  await new Promise((r) => setTimeout(r, 50));
  return { pid: process.pid, ppid: process.ppid, bytes: new Uint8Array([1, 2, 3]), echo: task };
}
export async function slow() { await new Promise((r) => setTimeout(r, 60_000)); }
export async function fail() { throw new Error("renderer failed on purpose"); }
export async function die() { process.exit(1); }
`,
);
const asker = path.join(dir, "asker.mjs");
writeFileSync(
  asker,
  `import http from "node:http";
import { createRequire } from "node:module";
const { createJiti } = createRequire(${JSON.stringify(path.resolve("package.json"))})("jiti");
const { ClusterRenderers } = await createJiti(import.meta.url).import(${JSON.stringify(path.resolve("lib/pdf/shared-renderers.ts"))});
const shared = process.env.READOUT_PDF_RENDERERS === "shared";
const renderers = shared ? new ClusterRenderers() : null;
const run = (name, ms = 30_000) => renderers.run({ from: process.pid, name }, { name, signal: AbortSignal.timeout(ms) });
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http.createServer(async (req, res) => {
  try {
    if (!renderers) return res.end(JSON.stringify({ shared }));
    if (req.url === "/render") {
      const out = await Promise.all([1, 2, 3, 4].map(() => run("default")));
      return res.end(JSON.stringify({ shared, server: process.pid, out: out.map((o) => ({ ...o, bytes: o.bytes instanceof Uint8Array ? [...o.bytes] : null })) }));
    }
    // A render left running (its answer never awaited), and the same with this process ending.
    if (req.url === "/slow-bg" || req.url === "/slow-then-crash") {
      run("slow", 120_000).catch(() => {});
      if (req.url === "/slow-then-crash") setTimeout(() => process.exit(3), 300);
      return res.end("started");
    }
    if (req.url === "/fail") await run("fail");
    if (req.url === "/die") await run("die");
    if (req.url === "/timeout") await run("slow", 300);
    res.end("no error");
  } catch (error) {
    res.end(JSON.stringify({ name: error.name, message: error.message }));
  }
}).listen(port);
`,
);

describe("scripts/serve.mjs: the server processes share the primary's PDF renderers", () => {
  it("runs every server process's renders on the primary's renderers, passing bytes, errors and timeouts", async () => {
    const server = await serve({ READOUT_SERVER_BIN: asker, READOUT_PDF_WORKER_FILE: renderer, PDF_WORKERS: "2", PDF_WARM_UP_RENDERS: "1" });
    const servers = new Set<number>();
    const renderersSeen = new Set<number>();
    for (let i = 0; i < 100 && servers.size < 2; i++) {
      let answer: { shared: boolean; server: number; out: { pid: number; ppid: number; bytes: number[] | null; echo: { from: number } }[] };
      try {
        answer = JSON.parse(await get("/render"));
      } catch {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      expect(answer.shared).toBe(true);
      servers.add(answer.server);
      for (const o of answer.out) {
        // The primary's children, not the asking server process's; the task and the bytes arrive whole.
        expect(o.ppid).toBe(server.child.pid);
        expect(o.echo.from).toBe(answer.server);
        expect(o.bytes).toEqual([1, 2, 3]);
        renderersSeen.add(o.pid);
      }
    }
    expect(servers.size).toBe(2);
    expect(renderersSeen.size).toBe(2); // four renders at a time, on the two renderers, for both servers
    expect(JSON.parse(await get("/fail"))).toMatchObject({ message: "renderer failed on purpose" });
    expect(JSON.parse(await get("/timeout"))).toMatchObject({ name: "TimeoutError" });
    // After a stopped render the renderers go on (the one that ran it is replaced).
    const after = JSON.parse(await get("/render")) as { out: { bytes: number[] }[] };
    expect(after.out.map((o) => o.bytes)).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);

  type Rendered = { server: number; out: { pid: number }[] };
  /** The renderers' pids that answered four renders at once (the pool's two, when both are free). */
  async function renderersNow(): Promise<Set<number>> {
    for (let i = 0; i < 100; i++) {
      try {
        return new Set((JSON.parse(await get("/render")) as Rendered).out.map((o) => o.pid));
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error("the server did not answer");
  }
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
    } catch {
      return false;
    }
    // An ended process its new parent has not reaped yet (a zombie) runs nothing.
    try {
      return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
      return false;
    }
  };
  const settings = { READOUT_SERVER_BIN: asker, READOUT_PDF_WORKER_FILE: renderer, PDF_WORKERS: "2" };

  it("replaces a renderer that dies, idle or in a render (which fails), and the server lives on", async () => {
    const server = await serve(settings);
    let before = await renderersNow();
    for (let i = 0; i < 50 && before.size < 2; i++) before = await renderersNow();
    expect(before.size).toBe(2);
    const [victim] = [...before] as [number];
    process.kill(victim, "SIGKILL");
    let after = new Set<number>();
    for (let i = 0; i < 50 && (after.size < 2 || after.has(victim)); i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await renderersNow();
    }
    expect(after.size).toBe(2);
    expect(after.has(victim)).toBe(false);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).toMatch(/PDF renderers: Worker exited unexpectedly/);
    // One that dies in the middle of a render (out of memory, say): that render fails, with the
    // renderer's error; the renderer is replaced and the next renders go on.
    expect(JSON.parse(await get("/die"))).toMatchObject({ message: expect.stringMatching(/exit/i) });
    let later = new Set<number>();
    for (let i = 0; i < 50 && later.size < 2; i++) later = await renderersNow();
    expect(later.size).toBe(2);
    expect(server.child.exitCode).toBeNull();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);

  it("stops the renders of a server process that ended, and ends every renderer when stopped", async () => {
    const server = await serve(settings);
    let pids = await renderersNow();
    for (let i = 0; i < 50 && pids.size < 2; i++) pids = await renderersNow();
    // A minute-long render whose server process ends: stopped at once (its renderer replaced),
    // so that both renderers soon answer again.
    expect(await get("/slow-then-crash")).toBe("started");
    const seen = new Set(pids);
    let now = new Set<number>();
    for (let i = 0; i < 100 && now.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      now = await renderersNow();
      now.forEach((p) => seen.add(p));
    }
    expect(now.size).toBe(2);
    // Stopped while a render runs: no renderer is left behind.
    expect(await get("/slow-bg")).toBe("started");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    // Gone within seconds (half of one was not always enough on a loaded machine); one left
    // running would still be here after ten.
    for (let i = 0; i < 100 && [...seen].some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect([...seen].filter(alive)).toEqual([]);
  }, 90_000);

  it("leaves each server process to render alone without the renderer bundle", async () => {
    const server = await serve({ READOUT_SERVER_BIN: asker });
    let answer = "";
    for (let i = 0; i < 100 && !answer; i++) answer = await get("/render").catch(() => new Promise<string>((r) => setTimeout(() => r(""), 100)));
    expect(JSON.parse(answer)).toEqual({ shared: false });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);
});
