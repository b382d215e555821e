import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
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

let port = 3500 + Math.floor(Math.random() * 400);
const running: ChildProcess[] = [];
afterEach(() => running.forEach((c) => c.kill("SIGKILL")));

function serve(env: Record<string, string> = {}) {
  port++;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    env: { ...process.env, READOUT_SERVER_BIN: fake, WEB_CONCURRENCY: "2", ...env },
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
    const server = serve();
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
    const server = serve({ CRASH_AT_START: "1" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/too many in a minute, stopping/);
  }, 90_000);
});
