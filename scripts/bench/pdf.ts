// npm run bench:pdf — react-pdf (as served) against Chromium's page.pdf on the same content, in
// one process, interleaved; plus first render, cached download through the HTTP route, pool
// throughput on 2 cores, and memory over 500 renders.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { PdfPool, POOL_SETTINGS } from "@/lib/pdf/pdf-pool";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing, warmUp } from "@/lib/pdf/warm-up";
import type { Briefing } from "@/lib/pdf/briefing";
import { ChromiumPeer } from "./pdf-chromium";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 150);
const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))] ?? NaN;
const ms = (n: number) => n.toFixed(0);

const book60: Briefing[] = Array.from({ length: 30 }, (_, i) => ({
  ...sampleBriefing(),
  id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`,
  data: {
    ...sampleBriefing().data,
    facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` },
  },
}));
/**
 * The demo record with the words of every free text (three words or more) in another order,
 * seeded: as long and as many lines, but no paragraph the same as another record's (short texts
 * of three or four words have few orders, so some of those repeat), so that neither side's whole
 * runs and lines serve one record from another, as they do for 30 copies of the demo record. Both
 * sides still know the words (ours: lib/pdf/shaping-cache.ts; Chromium's word shape cache).
 */
function reworded(b: Briefing, seed: number): Briefing {
  let state = (seed * 2654435761) >>> 0 || 1;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const shuffle = (text: string) => {
    const words = text.split(" ");
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [words[i], words[j]] = [words[j] as string, words[i] as string];
    }
    return words.join(" ");
  };
  const walk = (v: unknown): unknown =>
    typeof v === "string"
      ? v.split(" ").length >= 3
        ? shuffle(v)
        : v
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === "object"
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return { ...b, data: walk(b.data) as Briefing["data"] };
}
const distinctBookReq: RenderRequest = {
  template: "briefing-book",
  paper: "A4",
  briefings: book60.map((b, i) => reworded(b, i + 1)),
  book: { title: "Book", subtitle: "", reference: "READOUT/BOOK/BENCH" },
};
const bookReq: RenderRequest = {
  template: "briefing-book",
  paper: "A4",
  briefings: book60,
  book: { title: "Book", subtitle: "", reference: "READOUT/BOOK/BENCH" },
};
const noteReq: RenderRequest = {
  template: "briefing-note",
  paper: "A4",
  briefings: [sampleBriefing()],
};
const workerFile = path.resolve(".next/pdf-worker/worker.mjs");
if (!existsSync(workerFile))
  execFileSync(process.execPath, ["scripts/build-pdf-worker.mjs"], { stdio: "ignore" });
// The server's pool, as configured there (lib/pdf/pdf-pool.ts POOL_SETTINGS).
const servicePool = new PdfPool({ filename: workerFile, ...POOL_SETTINGS });
// A book is rendered by the pool (its records side by side on both threads, then assembled).
// "nothing kept": every part rendered again (the pool's part cache emptied before each run);
// "parts kept": the parts were rendered before (as after each save, lib/pdf/pool.ts warmBookPart).
/**
 * Text never shaped before in either process (but for the few orders of the shortest texts):
 * each run's records are the demo record with its words in an order of their own (seeded by the
 * run), as a save's pre-render meets a new version. Neither side's cache holds their runs or
 * lines; both still know the words.
 */
const freshBook = (run: number): RenderRequest => ({
  ...distinctBookReq,
  briefings: book60.map((b, i) => reworded(b, 1000 * (run + 20) + i)),
});
const freshNote = (run: number): RenderRequest => ({
  ...noteReq,
  briefings: [reworded(sampleBriefing(), 1000 * (run + 20) + 999)],
});
/** A render by the pool with no part kept (every part rendered again). */
const fromNothing = (req: RenderRequest) => {
  servicePool.clearPartCache();
  return servicePool.render(req);
};
const cases: {
  name: string;
  /** The document, or one per run (`run`: negative for the untimed rounds). */
  req: RenderRequest | ((run: number) => RenderRequest);
  render: (req: RenderRequest) => Promise<Uint8Array>;
}[] = [
  {
    name: "briefing note (demo record), in process",
    req: noteReq,
    render: (req) => renderPdf(req),
  },
  {
    name: "briefing note (demo record), pool, nothing kept",
    req: noteReq,
    render: fromNothing,
  },
  {
    name: "briefing note (demo record, words in a new order each run), pool, nothing kept",
    req: freshNote,
    render: fromNothing,
  },
  {
    // As after a save (its pre-render kept the record's part) or a book that contained it.
    name: "briefing note (demo record), pool, part kept",
    req: noteReq,
    render: (req) => servicePool.render(req),
  },
  {
    name: "briefing book (30 records), pool, nothing kept",
    req: bookReq,
    render: fromNothing,
  },
  {
    name: "briefing book (30 records, each worded differently), pool, nothing kept",
    req: distinctBookReq,
    render: fromNothing,
  },
  {
    name: "briefing book (30 records, words in a new order each run), pool, nothing kept",
    req: freshBook,
    render: fromNothing,
  },
  {
    name: "briefing book (30 records), pool, parts kept",
    req: bookReq,
    render: (req) => servicePool.render(req),
  },
];

async function sideBySide() {
  // Chromium's headless shell, as Playwright runs by default for headless work since 1.49: it
  // printed the note in 21 ms where the full browser in headless mode took 37 (Debian:
  // `apt-get install chromium-headless-shell`). The full browser only when the shell is missing.
  const executablePath =
    process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ??
    ["/usr/lib/chromium/chromium-headless-shell", "/usr/lib/chromium/chromium"].find((f) => existsSync(f));
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  console.log(`\npeer: ${executablePath ?? "Playwright's own Chromium"} ${browser.version()}`);
  const peer = new ChromiumPeer(browser);
  const rows: string[] = [];
  for (const c of cases.filter((c) => c.name.includes(process.env.BENCH_ONLY ?? ""))) {
    const req = (run: number) => (typeof c.req === "function" ? c.req(run) : c.req);
    // Untimed rounds first, for both: Chromium's caches (its shaped-word cache among them) warm up
    // as react-pdf's shaping cache does. Both then print the same text again (their best case),
    // or each run's text for the first time (a case that gives one document per run).
    for (let i = 0; i < 10; i++) {
      await c.render(req(-1 - i));
      await peer.render(req(-1 - i));
    }
    const a: number[] = [],
      b: number[] = [];
    let pages = 0,
      chromePages = 0;
    // Alternate which goes first: whichever follows the other inherits its leftover work (GC,
    // Chromium's compositor) on these 2 cores.
    for (let i = 0; i < RUNS; i++) {
      const doc = req(i);
      const ours = async () => {
        const t = performance.now();
        const out = await c.render(doc);
        a.push(performance.now() - t);
        pages = (await PDFDocument.load(out)).getPageCount();
      };
      const theirs = async () => {
        const t = performance.now();
        const pdf = await peer.render(doc);
        b.push(performance.now() - t);
        chromePages = (await PDFDocument.load(pdf)).getPageCount();
      };
      // …and let the machine settle before each timed render, so neither pays for the other.
      const order = i % 2 === 0 ? [ours, theirs] : [theirs, ours];
      for (const timed of order) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        await timed();
      }
    }
    rows.push(
      `| ${c.name} | ${ms(p(a, 50))} | ${ms(p(a, 95))} | ${ms(p(b, 50))} | ${ms(p(b, 95))} | ${(p(a, 50) / p(b, 50)).toFixed(2)} | ${p(a.map((x, i) => x / (b[i] as number)), 50).toFixed(2)} | ${pages || "?"} / ${chromePages || "?"} |`,
    );
  }
  await browser.close();
  peer.close();
  console.log(
    `\nwarm render, ${RUNS} runs each, interleaved (ms)\n| document | react-pdf p50 | p95 | Chromium p50 | p95 | ratio p50 | paired ratio p50 | pages |\n|---|---|---|---|---|---|---|---|\n${rows.join("\n")}`,
  );
}

function firstRender() {
  const t = performance.now();
  execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "-e",
      `import("./lib/pdf/warm-up.ts").then((m) => m.warmUp())`,
    ],
    { stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } },
  );
  console.log(
    `\nfirst render in a fresh process (start, import, render): ${ms(performance.now() - t)} ms`,
  );
}

/** Resident memory of this process's Node.js children (the pool's renderer processes), from /proc. */
function renderersRss(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const [, ppid] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(ppid) !== process.pid || !stat.includes("(node)")) continue;
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

async function poolThroughput() {
  const worker = workerFile;
  const req = noteReq;
  const n = 40;
  let t = performance.now();
  for (let i = 0; i < n; i++) await renderPdf(req);
  const main = n / ((performance.now() - t) / 1000);
  // No parts kept: every render does the whole work (the same record again and again would
  // otherwise be served from the kept part).
  const pool = new PdfPool({ filename: worker, ...POOL_SETTINGS, partCacheBytes: 0 });
  // Both renderer processes started and past their warm-up (lib/pdf/worker.ts), as the main thread is.
  await Promise.all(Array.from({ length: POOL_SETTINGS.threads * 40 }, () => pool.render(req)));
  t = performance.now();
  await Promise.all(Array.from({ length: n }, () => pool.render(req)));
  const pooled = n / ((performance.now() - t) / 1000);
  console.log(
    `\nthroughput, ${n} briefing notes: main thread ${main.toFixed(1)} PDF/s; pool of ${POOL_SETTINGS.threads} renderer processes ${pooled.toFixed(1)} PDF/s (×${(pooled / main).toFixed(2)})`,
  );

  const before = process.memoryUsage().rss;
  const renderersBefore = renderersRss();
  for (let i = 0; i < 500; i += 10)
    await Promise.all(Array.from({ length: 10 }, () => pool.render(req)));
  const after = process.memoryUsage().rss;
  const renderersAfter = renderersRss();
  await pool.destroy();
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(
    `memory over 500 renders in the pool: server process RSS ${mb(before)} → ${mb(after)} MB (growth ${mb(after - before)} MB); its renderer processes together ${mb(renderersBefore)} → ${mb(renderersAfter)} MB (growth ${mb(renderersAfter - renderersBefore)} MB)`,
  );
}

// The in-process renderer warmed up as the server's renderer processes are (lib/pdf/worker.ts),
// and those past their warm-up, so that none of it runs while anything is timed.
await warmUp(40);
await Promise.all(
  Array.from({ length: POOL_SETTINGS.threads * 40 }, (_, i) =>
    servicePool.warmPart(
      { ...sampleBriefing(), data: { ...sampleBriefing().data, facts: { ...sampleBriefing().data.facts, title: `Warm-up ${i}` } } },
      "A4",
    ),
  ),
);
servicePool.clearPartCache();
await sideBySide();
await servicePool.destroy();
// BENCH_ONLY=<part of a case's name>: those cases side by side, and nothing else (for A/B runs).
if (process.env.BENCH_ONLY) process.exit(0);
firstRender();
await poolThroughput();

/** Downloads through the real HTTP route of the production server (needs `npm run build` first). */
async function httpDownloads() {
  if (!existsSync(".next/BUILD_ID")) {
    console.log("\ncached download: skipped (no production build; run `npm run build` first)");
    return;
  }
  const password = "bench-password-123";
  execFileSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "prisma/seed.ts"],
    { stdio: "ignore", env: { ...process.env, DEMO_ADMIN_PASSWORD: password } },
  );
  const port = 3399;
  const base = `http://127.0.0.1:${port}`;
  const { spawn } = await import("node:child_process");
  const server = spawn(
    process.execPath,
    ["scripts/serve.mjs", "-p", String(port)],
    {
      stdio: "ignore",
      env: {
        ...process.env,
        // The renderers' warm-up (40 renders each, seconds of CPU once per server start) would
        // overlap the timed downloads: a server that has been up for a while is what is measured,
        // as bench:web's servers do.
        PDF_WARM_UP_RENDERS: "1",
        NEXTAUTH_URL: base,
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  try {
    for (
      let i = 0;
      i < 120 &&
      !(await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 500));
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const login = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar },
      body: new URLSearchParams({
        csrfToken,
        email: "admin@readout.local",
        password,
        json: "true",
      }),
    });
    const cookie = [jar, ...login.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    // The demo's RESTRICTED draft (a download is audited before it is answered) and its
    // UNCLASSIFIED approved record (not audited); /api/health for the floor of any request.
    const rows: string[] = [];
    for (const [label, id] of [
      ["RESTRICTED draft (audited)", "00000000-0000-4000-8000-000000000005"],
      ["UNCLASSIFIED approved", "00000000-0000-4000-8000-000000000004"],
    ] as const) {
      const url = `${base}/api/consultations/${id}/pdf`;
      const t = performance.now();
      const first = await fetch(url, { headers: { Cookie: cookie } });
      const firstMs = performance.now() - t;
      if (first.status !== 200) throw new Error(`download answered ${first.status}`);
      const etag = first.headers.get("etag") ?? "";
      await first.arrayBuffer();
      const timed = async (target: string, headers: Record<string, string>, status: number) => {
        const s = performance.now();
        const r = await fetch(target, { headers: { Cookie: cookie, ...headers } });
        await r.arrayBuffer();
        if (r.status !== status) throw new Error(`${target} answered ${r.status}`);
        return performance.now() - s;
      };
      const health: number[] = [],
        hit: number[] = [],
        revalidated: number[] = [];
      // Interleaved; the first 50 rounds warm the server's code paths and are not counted.
      for (let i = 0; i < 250; i++) {
        const h = await timed(`${base}/api/health`, {}, 200);
        const a = await timed(url, {}, 200);
        const b = await timed(url, { "If-None-Match": etag }, 304);
        if (i < 50) continue;
        health.push(h);
        hit.push(a);
        revalidated.push(b);
      }
      rows.push(
        `| ${label} | ${ms(firstMs)} | ${p(hit, 50).toFixed(1)} / ${p(hit, 95).toFixed(1)} | ${p(revalidated, 50).toFixed(1)} / ${p(revalidated, 95).toFixed(1)} | ${p(health, 50).toFixed(1)} / ${p(health, 95).toFixed(1)} |`,
      );
    }
    console.log(
      `\ndownload of the demo briefing notes through GET /api/consultations/<id>/pdf (scripts/serve.mjs; 200 rounds after 50 to warm up, interleaved with /api/health):`,
    );
    console.log(
      `| record | first (render + store) ms | repeat from the cache (200) p50 / p95 ms | with If-None-Match (304) p50 / p95 | /api/health p50 / p95 |\n|---|---|---|---|---|\n${rows.join("\n")}`,
    );
  } finally {
    server.kill("SIGTERM");
  }
}

await httpDownloads();
