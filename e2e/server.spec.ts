import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";

// The production server's own contract with whatever runs it (a shell, systemd, a container, the
// cluster primary in scripts/serve.mjs): asked to stop, it stops with exit code 0; unable to
// listen, it says so and exits 1. One process (WEB_CONCURRENCY=1), the build the suite uses.

function startServer(port: number) {
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port)], {
    env: { ...process.env, WEB_CONCURRENCY: "1", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test("SIGTERM stops the server with exit code 0, after it has answered", async () => {
  test.setTimeout(90_000);
  const port = 3190;
  const server = startServer(port);
  await expect
    .poll(() => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 0), { timeout: 60_000 })
    .toBe(200);
  server.child.kill("SIGTERM");
  expect(await server.exited, server.output()).toBe(0);
});

test("a port already taken: the server says so and exits 1", async () => {
  test.setTimeout(90_000);
  const taken = createServer().listen(3191, "0.0.0.0");
  await new Promise((resolve) => taken.once("listening", resolve));
  try {
    const server = startServer(3191);
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("EADDRINUSE");
  } finally {
    taken.close();
  }
});
