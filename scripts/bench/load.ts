// npm run bench:load — 20 users (BENCH_USERS) for 60 s (BENCH_SECONDS) against the production server (scripts/serve.mjs)
// (run `npm run build` first), each in a loop with 200 ms between requests (BENCH_THINK_MS):
// the dashboard, a search, a record page, a save through the editor's action, a PDF download
// (the pre-rendered A4 note, and now and then US Letter, which renders). Prints per request
// type n, error rate, p50/p95 and the server's RSS over the run.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { get, percentile, saveRecord, signIn, startApp, type Call } from "../load/app-client";
import { seedUsersWithRecords } from "../load/seed-users";

const USERS = Number(process.env.BENCH_USERS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3420);
const PASSWORD = "load-password-long-enough";

const records = await seedUsersWithRecords(USERS, PASSWORD, "load");
const app = await startApp(PORT, { DATABASE_URL: process.env.DATABASE_URL!, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), LOG_LEVEL: "warn" });
const rssOf = (pid: string | number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
// scripts/serve.mjs runs a server process per CPU and the PDF renderers: count the whole tree
// (children's children too: with one server process the renderers are its children).
const treeRssMb = (pid: string | number = app.child.pid!): number => {
  let total = 0;
  try {
    total = rssOf(pid);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) total += treeRssMb(child);
  } catch {
    /* ended meanwhile, or not Linux */
  }
  return total;
};

try {
  const cookies: string[] = [];
  for (const r of records) cookies.push(await signIn(app.base, r.user.email, PASSWORD));
  // Warm-up: each page once.
  await Promise.all(records.map((r, vu) => get(app.base, cookies[vu]!, `/consultations/${r.id}`, "warm")));
  const rss: number[] = [treeRssMb()];
  const sampler = setInterval(() => rss.push(treeRssMb()), 1000);
  const calls: Call[] = [];
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(
    records.map(async (rec, vu) => {
      let version = rec.version;
      for (let n = vu; Date.now() < end; n++) {
        const cookie = cookies[vu]!;
        switch (n % 6) {
          case 0:
            calls.push(await get(app.base, cookie, "/", "dashboard"));
            break;
          case 1:
            calls.push(await get(app.base, cookie, "/consultations?q=cooperation", "search"));
            break;
          case 2:
            calls.push(await get(app.base, cookie, `/consultations/${rec.id}`, "record page"));
            break;
          case 3: {
            const data = { ...rec.data, facts: { ...rec.data.facts, summary: `Load save ${n} by user ${vu}.` } };
            const r = await saveRecord(app.base, cookie, rec.id, version, data);
            if (r.version) version = r.version;
            else if (r.currentVersion) version = r.currentVersion;
            calls.push(r);
            break;
          }
          case 4:
            calls.push(await get(app.base, cookie, `/api/consultations/${rec.id}/pdf`, "PDF (A4 note)"));
            break;
          default:
            calls.push(await get(app.base, cookie, `/api/consultations/${rec.id}/pdf?paper=${n % 12 === 5 ? "LETTER" : "A4"}&template=one-page`, "PDF (one-page)"));
        }
        await new Promise((r) => setTimeout(r, THINK_MS));
      }
    }),
  );
  clearInterval(sampler);
  const kinds = [...new Set(calls.map((c) => c.kind))];
  console.log(`\n${USERS} users, ${SECONDS} s, ${THINK_MS} ms between a user's requests; scripts/serve.mjs; times in ms`);
  console.log("| request | n | errors | error rate | p50 | p95 | max |\n|---|---|---|---|---|---|---|");
  for (const kind of kinds) {
    const cs = calls.filter((c) => c.kind === kind);
    const errors = cs.filter((c) => c.outcome !== "ok").length;
    const ms = cs.map((c) => c.ms);
    console.log(`| ${kind} | ${cs.length} | ${errors} | ${((100 * errors) / cs.length).toFixed(2)} % | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 95).toFixed(0)} | ${Math.max(...ms).toFixed(0)} |`);
  }
  const all = calls.length;
  const errors = calls.filter((c) => c.outcome !== "ok");
  console.log(`| all | ${all} | ${errors.length} | ${((100 * errors.length) / all).toFixed(2)} % | ${percentile(calls.map((c) => c.ms), 50).toFixed(0)} | ${percentile(calls.map((c) => c.ms), 95).toFixed(0)} | |`);
  if (errors.length) console.log(`errors: ${[...new Set(errors.map((e) => `${e.kind} ${e.outcome} ${e.status} ${e.detail ?? ""}`))].slice(0, 5).join("; ")}`);
  console.log(`server RSS every 10 s (MB): ${rss.filter((_, i) => i % 10 === 0).map((v) => v.toFixed(0)).join(", ")}`);
  const third = Math.max(1, Math.floor(rss.length / 3));
  const median = (xs: number[]) => percentile(xs, 50);
  console.log(
    `\nserver RSS (all server processes): start ${rss[0]!.toFixed(0)} MB, median of the first third ${median(rss.slice(0, third)).toFixed(0)} MB, of the last third ${median(rss.slice(-third)).toFixed(0)} MB, max ${Math.max(...rss).toFixed(0)} MB; ${(all / SECONDS).toFixed(1)} requests/s`,
  );
} finally {
  await app.stop();
}
process.exit(0);
