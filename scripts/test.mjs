#!/usr/bin/env node
// `npm test`: everything, from a fresh clone, against a real PostgreSQL.
// Database: TEST_DATABASE_URL or DATABASE_URL when set (a local server only), else the embedded
// one. Each run creates a fresh database, applies the migrations, and drops it at the end.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadConfig } from "./lib/config.mjs";
import { createFreshDatabase } from "./lib/fresh-db.mjs";
import { NEXT, NODE, TSX } from "./lib/run.mjs";

const log = (msg) => console.log(`\n[test] ${msg}`);
// e.g. `npm test -- unit e2e`; anything after `--` goes to Playwright (`npm test -- e2e -- -g matrix`).
const args = process.argv.slice(2);
const only = args.includes("--") ? args.slice(0, args.indexOf("--")) : args;
const playwrightArgs = args.includes("--") ? args.slice(args.indexOf("--") + 1) : [];
const config = await loadConfig();
process.env.NEXT_TELEMETRY_DISABLED = "1";

let db;
try {
  db = await createFreshDatabase(config, { prefix: "readout_test", log });
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : error}`);
  process.exit(2);
}

/** Runs a step, echoing its output and keeping it for the summary. */
function step(name, args, extraEnv = {}) {
  return new Promise((resolve) => {
    log(`${name}: ${args.join(" ")}`);
    const started = Date.now();
    let output = "";
    const child = spawn(NODE, args, { env: { ...process.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (c) => (process.stdout.write(c), (output += c)));
    child.stderr.on("data", (c) => (process.stderr.write(c), (output += c)));
    child.on("exit", (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      resolve({ name, ok: code === 0, output, seconds });
    });
  });
}

const counts = { passed: 0, failed: 0, skipped: 0 };
/** Failed tests by name, with the first line of their error: the summary repeats them, so a log's tail names what failed. */
const failures = [];
const firstLine = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 300);
function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

const wanted = (name) => only.length === 0 || only.includes(name);
const results = [];
const env = {
  DATABASE_URL: db.url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

try {
  const migrate = await step("migrate", ["scripts/prisma.mjs", "migrate", "deploy"], env);
  if (!migrate.ok) throw new Error("migrations failed");
  if (wanted("typecheck")) results.push(await step("typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"], env));
  if (wanted("lint")) results.push(await step("lint", ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings=0"], env));
  if (wanted("unit")) {
    const r = await step("unit+integration", ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], env);
    const json = readJson("test-results/vitest.json");
    if (json) {
      counts.passed += json.numPassedTests;
      counts.failed += json.numFailedTests;
      counts.skipped += json.numPendingTests + json.numTodoTests;
      for (const file of json.testResults ?? []) {
        for (const t of file.assertionResults ?? []) {
          if (t.status === "failed") failures.push(`vitest ${file.name.replace(`${process.cwd()}/`, "")} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
        }
        if (file.status === "failed" && !(file.assertionResults ?? []).some((t) => t.status === "failed")) {
          failures.push(`vitest ${file.name.replace(`${process.cwd()}/`, "")}: ${firstLine(file.message)}`);
        }
      }
    }
    results.push(r);
  }
  if (wanted("bridge")) {
    const r = await step("prisma bridge", ["--test", "--test-reporter=spec", "scripts/prisma-bridge.test.mjs"], { ...env, BRIDGE_TEST_DATABASE_URL: db.withDb(`${db.name}_bridge`) });
    counts.passed += Number(r.output.match(/ℹ pass (\d+)/)?.[1] ?? 0);
    counts.failed += Number(r.output.match(/ℹ fail (\d+)/)?.[1] ?? (r.ok ? 0 : 1));
    results.push(r);
  }
  if (wanted("e2e")) {
    let build = await step("build", [NEXT, "build"], env);
    if (build.ok) {
      const worker = await step("build PDF worker", ["scripts/build-pdf-worker.mjs"], env);
      build = { ...worker, name: "build", seconds: (Number(build.seconds) + Number(worker.seconds)).toFixed(1) };
    }
    results.push(build);
    if (build.ok) {
      const r = await step("e2e", ["node_modules/@playwright/test/cli.js", "test", ...playwrightArgs], env);
      const json = readJson("test-results/e2e.json");
      if (json) {
        counts.passed += json.stats.expected + json.stats.flaky;
        counts.failed += json.stats.unexpected;
        counts.skipped += json.stats.skipped;
        const walk = (suite, path) => {
          for (const spec of suite.specs ?? []) {
            for (const t of spec.tests ?? []) {
              if (t.status !== "unexpected") continue;
              const error = t.results?.find((result) => result.error)?.error;
              failures.push(`e2e ${spec.file} > ${[...path, spec.title].join(" > ")}: ${firstLine(error?.message) || "(no error: passed where it was expected to fail)"}`);
            }
          }
          for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
        };
        for (const suite of json.suites ?? []) walk(suite, []);
      }
      results.push(r);
    }
    // The database-restart drill (its own embedded PostgreSQL), on the same build; shorter phases than `npm run drill:db-restart`.
    if (build.ok && wanted("drill")) {
      const r = await step("drill: PostgreSQL restarted under load", [...TSX, "scripts/drill-db-restart.ts"], { ...env, DRILL_BEFORE_S: "6", DRILL_DOWN_S: "8", DRILL_AFTER_S: "20" });
      counts.passed += r.ok ? 1 : 0;
      counts.failed += r.ok ? 0 : 1;
      results.push(r);
    }
  }
} catch (error) {
  console.error(`[test] ${error instanceof Error ? error.message : error}`);
  results.push({ name: "setup", ok: false, seconds: "0" });
} finally {
  await db.drop();
}

console.log("\n[test] steps:");
for (const r of results) console.log(`  ${r.ok ? "ok  " : "FAIL"} ${r.name} (${r.seconds} s)`);
// A failing step that ran no counted test (typecheck, lint, build) still counts as a failure.
const failedSteps = results.filter((r) => !r.ok).length;
if (failedSteps > 0 && counts.failed === 0) counts.failed = failedSteps;
if (failures.length > 0) console.log(`\n[test] failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`);
process.exit(failedSteps > 0 || counts.failed > 0 ? 1 : 0);
