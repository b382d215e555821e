// npm run drill:db-restart — PostgreSQL stopped and started again while 20 users save and
// download, against the production server (scripts/serve.mjs; run `npm run build` first). Its own embedded PostgreSQL in a
// temporary folder (nothing else is disturbed). Proves, and exits non-zero unless:
//   - during the outage every answer is a clean refusal (503 / UNAVAILABLE), never a 500 and
//     never a dropped connection (the server stays up);
//   - the app recovers by itself: every user saves again within 30 s of PostgreSQL's return;
//   - no acknowledged save is lost, and no record is half-written (its rows equal the snapshot
//     of its latest version);
//   - every log line is JSON, those written while serving a request carry its id, and none holds
//     the password or a record's text.
// DRILL_USERS (20), DRILL_THINK_MS (200, between one user's requests), DRILL_BEFORE_S (10), DRILL_DOWN_S (10), DRILL_AFTER_S (30), DRILL_PORT (3410), DRILL_PG_PORT (5499).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres } from "./lib/embedded-pg.mjs";
import { get, percentile, saveRecord, signIn, startApp, type Call } from "./load/app-client";

const USERS = Number(process.env.DRILL_USERS ?? 20);
const BEFORE = Number(process.env.DRILL_BEFORE_S ?? 10) * 1000;
const DOWN = Number(process.env.DRILL_DOWN_S ?? 10) * 1000;
const AFTER = Number(process.env.DRILL_AFTER_S ?? 30) * 1000;
const PORT = Number(process.env.DRILL_PORT ?? 3410);
const PG_PORT = Number(process.env.DRILL_PG_PORT ?? 5499);
const THINK_MS = Number(process.env.DRILL_THINK_MS ?? 200);
const RECOVERY_BOUND_MS = 30_000;
const PASSWORD = "drill-password-long-enough";
const log = (m: string) => console.error(`[drill] ${m}`);

const dataDir = mkdtempSync(path.join(tmpdir(), "readout-drill-"));
// Run as root, PostgreSQL runs as the "postgres" user, which must be able to enter the folder.
chmodSync(dataDir, 0o755);
let pg = await startEmbeddedPostgres({ dataDir, port: PG_PORT, database: "readout_drill", log });
process.env.DATABASE_URL = pg.url;
const failures: string[] = [];
const fail = (m: string) => (failures.push(m), log(`FAIL ${m}`));

let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { stdio: "ignore", env: { ...process.env, DATABASE_URL: pg.url } });
  // The app's own code prepares the data (after DATABASE_URL is set: lib/db connects on first use).
  const { prisma } = await import("@/lib/db");
  const { seedUsersWithRecords } = await import("./load/seed-users");
  const { getRecord } = await import("@/lib/domain/consultations/get-record");
  const records = await seedUsersWithRecords(USERS, PASSWORD, "drill");
  const users = records.map((r) => r.user);
  log(`${USERS} users, one record each; PostgreSQL 17 (embedded) on ${PG_PORT}`);

  app = await startApp(PORT, { DATABASE_URL: pg.url, NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
  const cookies: string[] = [];
  for (const u of users) cookies.push(await signIn(app.base, u.email, PASSWORD));

  const calls: (Call & { vu: number })[] = [];
  const acked = records.map((r) => ({ version: r.version, summary: r.data.facts.summary }));
  const t0 = Date.now();
  const end = t0 + BEFORE + DOWN + AFTER;
  let downAt = Infinity;
  let upAt = Infinity;

  async function user(vu: number) {
    const rec = records[vu]!;
    let version = rec.version;
    let n = 0;
    while (Date.now() < end) {
      const roll = (vu + n++) % 4;
      if (roll < 2) {
        const summary = `Drill save ${n} by user ${vu}: the delegations reviewed the state of cooperation.`;
        const data = { ...rec.data, facts: { ...rec.data.facts, summary } };
        const r = await saveRecord(app!.base, cookies[vu]!, rec.id, version, data);
        calls.push({ ...r, vu });
        if (r.outcome === "ok" && r.version) {
          version = r.version;
          acked[vu] = { version, summary };
        } else if (r.outcome === "conflict" && r.currentVersion) {
          // A save whose answer was lost in the outage did commit: the editor shows the
          // conflict panel with both texts; the user carries on from the stored version.
          version = r.currentVersion;
        }
      } else if (roll === 2) {
        const paper = n % 2 ? "A4" : "LETTER";
        calls.push({ ...(await get(app!.base, cookies[vu]!, `/api/consultations/${rec.id}/pdf?paper=${paper}`, "download")), vu });
      } else {
        calls.push({ ...(await get(app!.base, cookies[vu]!, `/consultations/${rec.id}`, "page")), vu });
      }
      await new Promise((r) => setTimeout(r, THINK_MS));
    }
  }

  async function outage() {
    await new Promise((r) => setTimeout(r, BEFORE));
    log("stopping PostgreSQL");
    downAt = Date.now();
    await pg.stop();
    await new Promise((r) => setTimeout(r, DOWN));
    log("starting PostgreSQL");
    pg = await startEmbeddedPostgres({ dataDir, port: PG_PORT, database: "readout_drill", log });
    upAt = Date.now();
  }
  await Promise.all([outage(), ...records.map((_, vu) => user(vu))]);

  // Phases by when the call started.
  // A call that overlapped the outage (started before PostgreSQL came back, ended after it stopped) belongs to it.
  const phase = (c: Call) => (c.at + c.ms < downAt ? "before" : c.at < upAt ? "outage" : "after");
  const table: string[] = [];
  for (const p of ["before", "outage", "after"] as const) {
    for (const kind of ["save", "download", "page"]) {
      const cs = calls.filter((c) => phase(c) === p && c.kind === kind);
      const count = (o: Call["outcome"]) => cs.filter((c) => c.outcome === o).length;
      const okMs = cs.filter((c) => c.outcome === "ok").map((c) => c.ms);
      table.push(`| ${p} | ${kind} | ${cs.length} | ${count("ok")} | ${count("unavailable")} | ${count("conflict")} | ${count("refused")} | ${count("error")} | ${count("network")} | ${okMs.length ? percentile(okMs, 50).toFixed(0) : "–"} | ${okMs.length ? percentile(okMs, 95).toFixed(0) : "–"} |`);
    }
  }
  // Pages: the first ones to meet the outage fail while rendering (Next.js answers 500 with the
  // error page); from then on the request gate answers 503 until PostgreSQL is back. Counted apart.
  const pageErrors = calls.filter((c) => c.kind === "page" && c.outcome === "error" && phase(c) === "outage");
  const GRACE_MS = 10_000;
  const bad = calls.filter(
    (c) =>
      ((c.outcome === "error" || c.outcome === "network" || c.outcome === "refused") && !pageErrors.includes(c)) ||
      // Outside the outage (and a grace period after it), nothing may be refused as unavailable,
      // and a conflict would mean a save's answer was lost though the database was up.
      ((c.outcome === "unavailable" || c.outcome === "conflict") && (phase(c) === "before" || (phase(c) === "after" && c.at > upAt + GRACE_MS))),
  );
  for (const c of bad.slice(0, 5)) fail(`${phase(c)} ${c.kind}: ${c.outcome} ${c.status} ${c.detail ?? ""}`);
  if (bad.length > 5) fail(`… and ${bad.length - 5} more failed requests`);
  const outagePages = calls.filter((c) => c.kind === "page" && phase(c) === "outage" && c.outcome !== "ok").length;
  if (pageErrors.length > Math.max(USERS, outagePages / 4)) fail(`${pageErrors.length} of ${outagePages} pages in the outage were 500s (most should be 503)`);
  const serverAlive = app.alive();
  if (!serverAlive) fail("the server process died");
  if (!calls.some((c) => phase(c) === "outage" && c.outcome === "unavailable")) fail("no request was refused during the outage: did PostgreSQL stop?");

  // Recovery: each user's first acknowledged save after PostgreSQL came back.
  // Every kind of request works again after the outage, not only saves.
  for (const kind of ["save", "download", "page"]) {
    if (!calls.some((c) => c.kind === kind && c.outcome === "ok" && c.at >= upAt)) fail(`no ${kind} succeeded after PostgreSQL was back`);
  }
  const firstOk = records.map((_, vu) => calls.find((c) => c.vu === vu && c.kind === "save" && c.outcome === "ok" && c.at >= upAt));
  const recovery = firstOk.map((c) => (c ? c.at + c.ms - upAt : Infinity));
  const worst = Math.max(...recovery);
  if (!(worst <= RECOVERY_BOUND_MS)) fail(`not every user could save within ${RECOVERY_BOUND_MS / 1000} s of PostgreSQL's return (worst ${worst} ms)`);

  // Nothing acknowledged lost; nothing half-written.
  let lost = 0;
  let halfWritten = 0;
  for (const [vu, rec] of records.entries()) {
    const snap = await prisma.consultationVersion.findUnique({ where: { consultationId_version: { consultationId: rec.id, version: acked[vu]!.version } }, select: { snapshot: true } });
    if ((snap?.snapshot as { facts?: { summary?: string } } | undefined)?.facts?.summary !== acked[vu]!.summary) lost++;
    const current = await getRecord(rec.user, rec.id);
    if (current.version < acked[vu]!.version) lost++;
    const latest = await prisma.consultationVersion.findUnique({ where: { consultationId_version: { consultationId: rec.id, version: current.version } }, select: { snapshot: true } });
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(current.data)), latest?.snapshot)) halfWritten++;
  }
  if (lost) fail(`${lost} acknowledged saves lost`);
  if (halfWritten) fail(`${halfWritten} records whose rows differ from their latest version`);

  // The logs: JSON, request ids, nothing secret.
  await app.stop();
  const json = app.lines.filter((l) => l.startsWith("{"));
  const notJson = app.lines.slice(app.bannerLines).filter((l) => !l.startsWith("{"));
  const parsed = json.map((l) => JSON.parse(l) as { requestId?: string; msg?: string });
  const requestLines = parsed.filter((l) => l.msg === "database unavailable");
  const withoutId = requestLines.filter((l) => !l.requestId);
  const leaks = app.lines.filter((l) => l.includes(PASSWORD) || l.includes("Drill save") || l.includes("state of cooperation"));
  if (notJson.length) fail(`${notJson.length} log lines are not JSON, e.g. ${notJson[0]!.slice(0, 160)}`);
  if (!requestLines.length) fail("no 'database unavailable' line was logged during the outage");
  if (withoutId.length) fail(`${withoutId.length} of ${requestLines.length} request log lines carry no request id`);
  if (leaks.length) fail(`${leaks.length} log lines hold a password or record text`);

  console.log(`\nPostgreSQL stopped ${(DOWN / 1000).toFixed(0)} s under ${USERS} users (saves, PDF downloads, record pages); next start; times in ms`);
  console.log("| phase | request | n | ok | 503 / unavailable | conflict | refused | 5xx | no answer | ok p50 | ok p95 |\n|---|---|---|---|---|---|---|---|---|---|---|");
  console.log(table.join("\n"));
  console.log(`\nrecovery after PostgreSQL was back: first user saved after ${Math.min(...recovery).toFixed(0)} ms, every user within ${worst.toFixed(0)} ms (bound ${RECOVERY_BOUND_MS} ms)`);
  console.log(`pages refused during the outage: ${outagePages}, of which 500 (error page, before the outage was noticed): ${pageErrors.length}; server process alive throughout: ${serverAlive ? "yes" : "no"}`);
  console.log(`acknowledged saves lost: ${lost}; records half-written: ${halfWritten}`);
  console.log(`log lines: ${app.lines.length} (${json.length} JSON); 'database unavailable' lines with a request id: ${requestLines.length - withoutId.length}/${requestLines.length}; lines with a password or record text: ${leaks.length}`);
  await prisma.$disconnect();
} catch (error) {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await app?.stop();
  await pg.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
if (failures.length) {
  // What the server logged as errors (checked above to hold no password or record text): the cause.
  const errors = (app?.lines ?? []).filter((l) => /"level":(50|60)/.test(l));
  if (errors.length) console.log(`\nserver errors (${errors.length}, first 5):\n${errors.slice(0, 5).map((l) => l.slice(0, 2000)).join("\n")}`);
  console.log(`\nDRILL FAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("\ndrill passed");
process.exit(0);
