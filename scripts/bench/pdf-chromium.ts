// The benchmark's peer: the same documents as lib/pdf/render.ts makes, with Chromium's page.pdf
// printing the pages instead of react-pdf. Everything after the pages (the book's merge, its
// outline, the markings, the metadata) is the same code as ours, so that the two differ only in
// what draws the pages. Chromium gets its best case: pages kept open with the fonts loaded, and a
// book's body printed in two halves at once (ours renders a book on two renderer processes), each
// in one pass (the contents needs the page each record starts on, as ours does: read back from
// the PDF, see recordStarts). scripts/bench/pdf.ts picks the browser (the headless shell first).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds } from "pdf-lib";
import { day, shortDay, type Briefing, type Paper } from "@/lib/pdf/briefing";
import { finalize, stampMarkings } from "@/lib/pdf/markings";
import { addOutline } from "@/lib/pdf/outline";
import { bookPageMarkings, highest, renderIdentity, settleFront, type RenderRequest } from "@/lib/pdf/render";
import { contentsPages } from "@/lib/pdf/templates/book-front";
import {
  dates,
  heads,
  nextRound,
  person,
  statusLine,
  topicLine,
  venue,
} from "@/lib/pdf/templates/parts";
import { label } from "@/lib/validation/vocabulary";

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);

const font = (pkg: string, file: string) =>
  `url("file://${path.resolve("node_modules/@expo-google-fonts", pkg, file)}")`;

// lib/pdf/templates/styles.ts, as CSS.
const STYLE = `
@font-face{font-family:"Noto Sans";src:${font("noto-sans", "400Regular/NotoSans_400Regular.ttf")}}
@font-face{font-family:"Noto Sans";font-style:italic;src:${font("noto-sans", "400Regular_Italic/NotoSans_400Regular_Italic.ttf")}}
@font-face{font-family:"Noto Sans";font-weight:700;src:${font("noto-sans", "700Bold/NotoSans_700Bold.ttf")}}
@font-face{font-family:"Noto Naskh Arabic";src:${font("noto-naskh-arabic", "400Regular/NotoNaskhArabic_400Regular.ttf")}}
@font-face{font-family:"Noto Naskh Arabic";font-weight:700;src:${font("noto-naskh-arabic", "700Bold/NotoNaskhArabic_700Bold.ttf")}}
@font-face{font-family:"Noto Sans Symbols 2";src:${font("noto-sans-symbols-2", "400Regular/NotoSansSymbols2_400Regular.ttf")}}
@font-face{font-family:"Noto Sans Math";src:${font("noto-sans-math", "400Regular/NotoSansMath_400Regular.ttf")}}
body{margin:0;font-family:"Noto Sans","Noto Naskh Arabic","Noto Sans Symbols 2","Noto Sans Math";font-size:10pt;line-height:1.4;color:#111827;overflow-wrap:anywhere;white-space:pre-line}
.note+.note,.toc{break-before:page}
.k{font-size:8.5pt;color:#4b5563;margin:0 0 4pt}
h1{font-size:19pt;line-height:1.2;margin:0 0 4pt}
.sub{color:#4b5563;margin:0 0 14pt}
h2{font-size:12pt;color:#1f3a5f;margin:14pt 0 6pt;padding-bottom:2pt;border-bottom:0.8pt solid #1f3a5f;break-after:avoid}
h3{font-size:10.5pt;margin:6pt 0 3pt}
p{margin:0 0 5pt}
.row{display:flex;border-bottom:0.5pt solid #d1d5db;padding:3pt 0;break-inside:avoid}
.l{width:150pt;flex:none;padding-right:8pt;box-sizing:border-box;color:#4b5563}.v{flex:1}
.row>div{flex:none;box-sizing:border-box}.row>.v{flex:1}
.th{font-size:8.5pt;font-weight:700;color:#4b5563;break-after:avoid}
ul{margin:0;padding:0;list-style:none}li{display:flex;margin-bottom:3pt;break-inside:avoid}
li::before{content:"•";width:10pt;flex:none}
.small{font-size:8.5pt;color:#4b5563}.muted{color:#4b5563}
.approval{margin-top:18pt;padding:8pt;border:0.8pt solid #d1d5db;break-inside:avoid}
h1 a{color:inherit;text-decoration:none}
.cover{margin-top:180pt}.cover h1{font-size:26pt}
`;

function fact(name: string, value: string): string {
  return value
    ? `<div class="row"><div class="l">${esc(name)}</div><div class="v" dir="auto">${esc(value)}</div></div>`
    : "";
}

const section = (title: string, body: string) => `<h2>${esc(title)}</h2>${body}`;
const list = (items: string[]) => `<ul>${items.map((i) => `<li><span dir="auto">${i}</span></li>`).join("")}</ul>`;

/** lib/pdf/templates/briefing-note.tsx BriefingNoteBody, as HTML. */
function noteHtml(b: Briefing, marker?: number): string {
  const f = b.data.facts;
  const d = b.data;
  const out: string[] = [
    `<p class="k">Briefing note · ${esc(b.seriesName)}</p><h1>${marker === undefined ? esc(f.title) : `<a href="${MARK}${marker}">${esc(f.title)}</a>`}</h1><p class="sub">${esc(b.reference)} · ${esc(statusLine(b))}</p>`,
    fact("Dates", dates(b)),
    fact("Venue", venue(b)),
    fact("Round", f.roundNumber ? String(f.roundNumber) : "Not known"),
    fact(`Head(s), ${b.homeCountryName}`, heads(b, "HOME")),
    fact(`Head(s), ${b.counterpartNames}`, heads(b, "COUNTERPART")),
    fact("Atmosphere", f.atmosphere),
    fact("Context", f.context),
    fact("Classification", f.classification),
    fact("Status", statusLine(b)),
  ];
  if (f.summary !== "")
    out.push(section("Summary", f.summary.split(/\n+/).map((p) => `<p dir="auto">${esc(p)}</p>`).join("")));
  if (d.participants.length > 0)
    out.push(
      section(
        "Delegations",
        (
          [
            ["HOME", b.homeCountryName],
            ["COUNTERPART", b.counterpartNames],
          ] as const
        )
          .map(
            ([side, name]) =>
              `<h3>${esc(name)}</h3>${list(
                d.participants
                  .filter((p) => p.side === side)
                  .map((p) => esc(person(p, true)) + (p.role !== "MEMBER" ? ` (${esc(label(p.role).toLowerCase())})` : "")),
              )}`,
          )
          .join(""),
      ),
    );
  if (d.topics.length > 0)
    out.push(
      section(
        "Topics discussed",
        list(d.topics.map((t) => esc(`${topicLine(t)}${t.notes ? ` — ${t.notes}` : ""}`))),
      ),
    );
  out.push(
    section(
      "Outcomes",
      d.outcomes.length === 0
        ? `<p class="muted">No outcomes recorded.</p>`
        : `<div class="row th"><div style="width:92pt">Type</div><div class="v">Outcome</div><div style="width:80pt">Owner</div><div style="width:66pt">Due</div><div style="width:56pt">Status</div></div>${d.outcomes
            .map((o) => {
              const steps = o.originId ? b.history[o.originId] : undefined;
              const carried =
                steps && steps.length > 1
                  ? `<div class="small">Carried over: ${esc(
                      steps
                        .map((h) => `${h.roundNumber ? `round ${h.roundNumber}` : h.startDate} ${h.status ? label(h.status).toLowerCase() : ""}`)
                        .join(" → "),
                    )}</div>`
                  : "";
              return `<div class="row"><div style="width:92pt;padding-right:4pt">${esc(label(o.type))}</div><div class="v" style="padding-right:4pt"><div dir="auto">${esc(o.text)}</div>${carried}</div><div style="width:80pt;padding-right:4pt">${esc(o.owner)}</div><div style="width:66pt;padding-right:4pt">${shortDay(o.dueDate)}</div><div style="width:56pt">${o.status ? esc(label(o.status)) : ""}</div></div>`;
            })
            .join("")}`,
    ),
  );
  if (b.earlierOpen.length > 0)
    out.push(
      section(
        "Open commitments from earlier rounds",
        list(
          b.earlierOpen.map((o) =>
            esc(
              `${o.text} — ${o.owner || "no owner"}, ${o.dueDate ? `due ${day(o.dueDate)}` : "no due date"}, ${label(o.status).toLowerCase()} (${o.round ? `round ${o.round}` : day(o.date)})`,
            ),
          ),
        ),
      ),
    );
  if (d.regionalIssues.length > 0)
    out.push(section("Regional and global issues", d.regionalIssues.map((r) => fact(r.region, r.positions || "Views exchanged.")).join("")));
  if (d.sideMeetings.length > 0)
    out.push(
      section(
        "Side meetings",
        list(d.sideMeetings.map((m) => esc(`${label(m.kind)} with ${m.withWhom}${m.date ? `, ${day(m.date)}` : ""}${m.notes ? ` — ${m.notes}` : ""}`))),
      ),
    );
  out.push(section("Next steps", `<p>Next round: ${esc(nextRound(b))}</p>`));
  if (d.references.length > 0)
    out.push(
      section(
        "References",
        list(d.references.map((r) => esc(`${r.title}${r.date ? `, ${day(r.date)}` : ""}${r.url ? ` — ${r.url}` : ""}`))),
      ),
    );
  out.push(
    `<div class="approval"><h3>Approval</h3><p>${esc(
      b.approved
        ? `Approved${b.approvedBy ? ` by ${b.approvedBy}` : ""}${b.approvedAt ? ` on ${day(b.approvedAt.slice(0, 10))}` : ""} (version ${b.version}).`
        : `Not approved. This is a working draft (version ${b.version}) and may change.`,
    )}</p></div>`,
  );
  return `<section class="note">${out.join("")}</section>`;
}

/** lib/pdf/templates/book-front.tsx, as HTML (its rows page by page as contentsPages plans). */
function frontHtml(
  title: string,
  subtitle: string,
  entries: { title: string; date: string; page: number }[],
  paper: Paper,
): string {
  const pages = contentsPages(entries, paper).map(
    (chunk, i) =>
      `<div class="toc"><h2>${i === 0 ? "Contents" : "Contents (continued)"}</h2>${chunk
        .map(
          (e) =>
            `<div class="row"><div class="v" style="padding-right:8pt">${esc(e.title)}</div><div class="muted" style="width:90pt">${esc(e.date)}</div><div style="width:30pt;text-align:right">${e.page}</div></div>`,
        )
        .join("")}</div>`,
  );
  return `<div class="cover"><p class="k">Briefing book</p><h1>${esc(title)}</h1><p class="sub">${esc(subtitle)}</p></div>${pages.join("")}`;
}

// Where each record of a book starts: its title links to MARK + its index, and Chromium writes a
// link annotation on the page where the title lands. (Its own outline would say the same, but
// Chromium writes one only into a tagged PDF, which costs it ~70 % more time: 427 against 249 ms
// for the 60 pages of the benchmark's book body.) The annotations are removed again.
const MARK = "https://readout.invalid/record/";

function recordStarts(doc: PDFDocument, count: number): number[] {
  const starts: number[] = Array.from({ length: count }, () => -1);
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    if (!annots) return;
    for (let i = 0; i < annots.size(); i++) {
      const uri = annots.lookupMaybe(i, PDFDict)?.lookupMaybe(PDFName.of("A"), PDFDict)?.get(PDFName.of("URI"));
      const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : "";
      const record = text.startsWith(MARK) ? Number(text.slice(MARK.length)) : NaN;
      if (starts[record] === -1) starts[record] = index;
    }
    page.node.delete(PDFName.of("Annots"));
  });
  return starts;
}

const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${STYLE}</style></head><body></body></html>`;

/**
 * Chromium printing our documents. A book's body is printed in two halves at once, on two pages
 * in separate browser contexts, as ours renders a book's records on two renderer processes.
 */
export class ChromiumPeer {
  private readonly dir = mkdtempSync(path.join(tmpdir(), "readout-peer-"));
  private lanes: Page[] = [];
  constructor(private readonly browser: Browser) {}

  /** The page kept open for lane `n`, with the styles loaded and the fonts loaded on first use. */
  private async lane(n: number): Promise<Page> {
    const open = this.lanes[n];
    if (open) return open;
    // A file, not setContent: a page at about:blank may not load fonts from file: URLs (it
    // falls back to the system's serif font without a word).
    const shell = path.join(this.dir, "peer.html");
    writeFileSync(shell, SHELL);
    const page = await (await this.browser.newContext()).newPage();
    await page.goto(pathToFileURL(shell).href);
    this.lanes[n] = page;
    return page;
  }

  /** Chromium's page.pdf of the given body. */
  private async print(body: string, paper: Paper, lane = 0): Promise<PDFDocument> {
    const page = await this.lane(lane);
    await page.evaluate(async (html) => {
      document.body.innerHTML = html;
      await document.fonts.ready;
    }, body);
    const bytes = await page.pdf({
      format: paper === "A4" ? "A4" : "Letter",
      // lib/pdf/templates/styles.ts PAGE_PADDING: the markings are stamped into the margins.
      margin: { top: "72px", bottom: "82.667px", left: "74.667px", right: "74.667px" }, // 54, 62, 56 pt
    });
    return PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest });
  }

  /** A briefing note or a briefing book, finished as lib/pdf/render.ts renderPdf finishes ours. */
  async render(req: RenderRequest): Promise<Uint8Array> {
    const first = req.briefings[0];
    if (!first) throw new Error("nothing to render");
    const date = new Date(req.briefings.reduce((d, b) => (b.updatedAt > d ? b.updatedAt : d), first.updatedAt));
    if (req.template === "briefing-note") {
      const doc = await this.print(noteHtml(first), req.paper);
      await stampMarkings(doc, {
        classification: first.data.facts.classification,
        reference: first.reference,
        version: first.version,
        draft: !first.approved,
      });
      return finalize(doc, { title: first.data.facts.title, date, idSeed: renderIdentity(req) });
    }
    if (req.template !== "briefing-book") throw new Error(`no peer for ${req.template}`);
    const half = Math.ceil(req.briefings.length / 2);
    const halves = [req.briefings.slice(0, half), req.briefings.slice(half)].filter((h) => h.length > 0);
    const bodies = await Promise.all(
      halves.map((records, lane) =>
        this.print(records.map((b, i) => noteHtml(b, i)).join(""), req.paper, lane),
      ),
    );
    // Each record's first page, counted from the start of the body.
    const starts: number[] = [];
    let offset = 0;
    bodies.forEach((body, i) => {
      const found = recordStarts(body, halves[i]?.length ?? 0);
      if (found.includes(-1)) throw new Error("Chromium's book body lost a record's start");
      starts.push(...found.map((page) => page + offset));
      offset += body.getPageCount();
    });
    const numbered = (front: number) =>
      req.briefings.map((b, i) => ({
        title: b.data.facts.title,
        date: day(b.data.facts.startDate),
        page: front + 1 + (starts[i] ?? 0),
      }));
    const printFront = (entries: ReturnType<typeof numbered>) =>
      this.print(frontHtml(req.book?.title ?? "Briefing book", req.book?.subtitle ?? "", entries, req.paper), req.paper);
    const { doc: frontDoc, entries, front: planned } = await settleFront(req, numbered, printFront);
    const doc = await PDFDocument.create();
    for (const part of [frontDoc, ...bodies])
      for (const page of await doc.copyPages(part, part.getPageIndices())) doc.addPage(page);
    addOutline(doc, entries.map((e) => ({ title: e.title, pageIndex: e.page - 1 })));
    const book = { reference: req.book?.reference ?? "READOUT/BOOK", version: null, draft: req.briefings.some((b) => !b.approved) };
    await stampMarkings(
      doc,
      { classification: highest(req.briefings.map((b) => b.data.facts.classification)), ...book },
      bookPageMarkings(req.briefings, entries.map((e) => e.page - 1), planned, book),
    );
    return finalize(doc, { title: req.book?.title ?? "Briefing book", date, idSeed: renderIdentity(req) });
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
