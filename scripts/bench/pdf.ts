// npm run bench:pdf — react-pdf (as served) against Chromium's page.pdf on the same content, in
// one process, interleaved; plus first render, cached download through the HTTP route, pool
// throughput on 2 cores, and memory over 500 renders.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import Tinypool from "tinypool";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Briefing } from "@/lib/pdf/briefing";
import { briefingHtml } from "./pdf-html";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))] ?? NaN;
const ms = (n: number) => n.toFixed(0);

const book60: Briefing[] = Array.from({ length: 20 }, (_, i) => ({ ...sampleBriefing(), id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` } } }));
const cases: { name: string; req: RenderRequest }[] = [
  { name: "briefing note (demo record)", req: { template: "briefing-note", paper: "A4", briefings: [sampleBriefing()] } },
  { name: "briefing book (20 records)", req: { template: "briefing-book", paper: "A4", briefings: book60, book: { title: "Book", subtitle: "", reference: "READOUT/BOOK/BENCH" } } },
];

async function sideBySide() {
  const fontDir = path.resolve("node_modules/@expo-google-fonts/noto-sans");
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (existsSync("/usr/lib/chromium/chromium") ? "/usr/lib/chromium/chromium" : undefined), args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  const page = await browser.newPage();
  const rows: string[] = [];
  for (const c of cases) {
    const html = briefingHtml(c.req.briefings, fontDir);
    const chrome = async () => {
      await page.setContent(html, { waitUntil: "load" });
      return page.pdf({ format: "A4", margin: { top: "0.75in", bottom: "0.86in", left: "0.78in", right: "0.78in" }, displayHeaderFooter: true, headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center">RESTRICTED</div>`, footerTemplate: `<div style="font-size:8pt;width:100%;text-align:right;padding-right:56pt">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>` });
    };
    for (let i = 0; i < 3; i++) { await renderPdf(c.req); await chrome(); }
    const a: number[] = [], b: number[] = [];
    let pages = 0, chromePages = 0;
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now(); const out = await renderPdf(c.req); a.push(performance.now() - t);
      pages = (out.toString().match(/\/Type \/Page\b/g) ?? []).length;
      t = performance.now(); const pdf = await chrome(); b.push(performance.now() - t);
      chromePages = (Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    }
    rows.push(`| ${c.name} | ${ms(p(a, 50))} | ${ms(p(a, 95))} | ${ms(p(b, 50))} | ${ms(p(b, 95))} | ${(p(a, 50) / p(b, 50)).toFixed(2)} | ${pages || "?"} / ${chromePages || "?"} |`);
  }
  await browser.close();
  console.log(`\nwarm render, ${RUNS} runs each, interleaved (ms)\n| document | react-pdf p50 | p95 | Chromium p50 | p95 | ratio p50 | pages |\n|---|---|---|---|---|---|---|\n${rows.join("\n")}`);
}

function firstRender() {
  const t = performance.now();
  execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "-e", `import("./lib/pdf/warm-up.ts").then((m) => m.warmUp())`], { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  console.log(`\nfirst render in a fresh process (start, import, render): ${ms(performance.now() - t)} ms`);
}

async function poolThroughput() {
  const worker = path.resolve(".next/pdf-worker/worker.mjs");
  if (!existsSync(worker)) execFileSync(process.execPath, ["scripts/build-pdf-worker.mjs"], { stdio: "ignore" });
  const req = cases[0]!.req;
  const n = 40;
  let t = performance.now();
  for (let i = 0; i < n; i++) await renderPdf(req);
  const main = n / ((performance.now() - t) / 1000);
  const pool = new Tinypool({ filename: worker, minThreads: 2, maxThreads: 2 });
  await Promise.all([pool.run(req), pool.run(req)]); // warm both threads
  t = performance.now();
  await Promise.all(Array.from({ length: n }, () => pool.run(req)));
  const pooled = n / ((performance.now() - t) / 1000);
  console.log(`\nthroughput, ${n} briefing notes: main thread ${main.toFixed(1)} PDF/s; pool of 2 threads ${pooled.toFixed(1)} PDF/s (×${(pooled / main).toFixed(2)})`);

  const before = process.memoryUsage().rss;
  for (let i = 0; i < 500; i += 10) await Promise.all(Array.from({ length: 10 }, () => pool.run(req)));
  const after = process.memoryUsage().rss;
  await pool.destroy();
  console.log(`memory: process RSS ${(before / 2 ** 20).toFixed(0)} MB before and ${(after / 2 ** 20).toFixed(0)} MB after 500 renders in the pool (growth ${((after - before) / 2 ** 20).toFixed(0)} MB)`);
}

await sideBySide();
firstRender();
await poolThroughput();
void spawn;
