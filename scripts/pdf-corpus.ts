// Same bytes before and after a change to the renderer (a patch to react-pdf, pdfkit or fontkit
// that should change nothing it prints): 38 documents, every template, A4 and Letter, Arabic,
// Cyrillic, long words, 0 and 200 outcomes, a 12-record book, hashed.
//   NODE_ENV=production node --import tsx scripts/pdf-corpus.ts record /tmp/before.json
//   …change…
//   NODE_ENV=production node --import tsx scripts/pdf-corpus.ts compare /tmp/before.json
// Decision 0009, item 11. A change that should change the bytes but not how the documents read or
// look: `record-looks` / `compare-looks` hash each document's text (pdftotext -layout) and each
// page's pixels (pdftoppm -r 50) instead (Debian's poppler-utils).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Briefing } from "@/lib/pdf/briefing";

const [mode, file] = process.argv.slice(2);
const looks = mode === "record-looks" || mode === "compare-looks";
if (!["record", "compare", "record-looks", "compare-looks"].includes(mode ?? "") || !file) {
  console.error("usage: scripts/pdf-corpus.ts record|compare|record-looks|compare-looks <file.json>");
  process.exit(2);
}
const base = sampleBriefing();
const withOutcomes = (n: number): Briefing => ({
  ...base,
  data: {
    ...base.data,
    outcomes: Array.from({ length: n }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      type: i % 3 ? ("AGREEMENT" as const) : ("COMMITMENT" as const),
      text: `Outcome ${i + 1}: the two sides will continue working on item ${i + 1}, with a review at the next round.`,
      owner: i % 3 ? "" : "Europe Division",
      dueDate: i % 3 ? null : "2024-01-31",
      status: i % 3 ? null : ("OPEN" as const),
      originId: null,
      isPublic: true,
    })),
  },
});
const urdu = "دونوں فریقوں نے دوطرفہ تعاون کے وسیع امور پر تبادلہ خیال کیا۔ ";
const long =
  "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsvorsitzendenstellvertreter";
const words = (n: number) =>
  "The two sides reviewed the state of cooperation in detail. "
    .repeat(Math.ceil(n / 58))
    .slice(0, n)
    .trim();
const mixed: Briefing = {
  ...base,
  data: {
    ...base.data,
    facts: {
      ...base.data.facts,
      title: "المشاورات السياسية الثنائية بين باكستان وروسيا، الجولة الخامسة",
      summary: `${long} https://example.org/${"a".repeat(90)}/x.pdf\n${"Стороны обсудили широкий круг вопросов. ".repeat(20)}\n${urdu.repeat(10)}\nItem one touched on خیبر پختونخوا آزادی and more words here to wrap the line again and again خط پاکستان بین.`,
      context: urdu.repeat(3),
    },
  },
};
const big: Briefing = {
  ...base,
  data: {
    ...base.data,
    topics: [{ ...base.data.topics[0]!, notes: words(4800) }, ...base.data.topics.slice(1)],
    facts: { ...base.data.facts, summary: words(6000), atmosphere: words(300) },
  },
};
const approved: Briefing = {
  ...base,
  status: "APPROVED",
  approved: true,
  approvedBy: "A. Khan",
  approvedAt: "2023-06-22T09:00:00.000Z",
};
const book = (n: number, paper: "A4" | "LETTER"): RenderRequest => ({
  template: "briefing-book",
  paper,
  briefings: Array.from({ length: n }, (_, i) => ({
    ...[base, mixed, big, approved][i % 4]!,
    id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`,
    data: {
      ...[base, mixed, big, approved][i % 4]!.data,
      facts: {
        ...[base, mixed, big, approved][i % 4]!.data.facts,
        title: `Round ${i + 1} ${"with a long title ".repeat(i % 3)}`,
      },
    },
  })),
  book: { title: "Book", subtitle: "Sub", reference: "READOUT/BOOK/X" },
});
const reqs: [string, RenderRequest][] = [];
for (const paper of ["A4", "LETTER"] as const) {
  for (const [name, b] of [
    ["sample", base],
    ["o0", withOutcomes(0)],
    ["o200", withOutcomes(200)],
    ["mixed", mixed],
    ["big", big],
    ["approved", approved],
  ] as const) {
    for (const template of ["briefing-note", "one-page", "public-readout"] as const)
      reqs.push([`${name}/${template}/${paper}`, { template, paper, briefings: [b] }]);
  }
  reqs.push([`book12/${paper}`, book(12, paper)]);
}
/** What is compared: the bytes, or the text and every page's pixels. */
function fingerprint(pdf: Uint8Array): string {
  const hash = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
  if (!looks) return hash(pdf);
  const dir = mkdtempSync(path.join(tmpdir(), "corpus-"));
  try {
    writeFileSync(path.join(dir, "d.pdf"), pdf);
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "d.pdf"), "-"], { maxBuffer: 64 * 2 ** 20 });
    execFileSync("pdftoppm", ["-png", "-r", "50", path.join(dir, "d.pdf"), path.join(dir, "p")]);
    const pages = readdirSync(dir).filter((f) => f.endsWith(".png")).sort();
    return [hash(text), ...pages.map((f) => hash(readFileSync(path.join(dir, f))))].join(" ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const hashes: Record<string, string> = {};
for (const [name, req] of reqs) hashes[name] = fingerprint(await renderPdf(req));
// Rendered twice: a document that differs from itself would make any comparison meaningless.
for (const [name, req] of reqs)
  if (fingerprint(await renderPdf(req)) !== hashes[name])
    throw new Error(`${name} renders ${looks ? "differently" : "to different bytes"} each time`);
if (mode?.startsWith("record")) {
  writeFileSync(file, JSON.stringify(hashes, null, 1));
  console.log(`${reqs.length} documents recorded in ${file}`);
} else {
  const before = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const differ = reqs.map(([name]) => name).filter((name) => before[name] !== hashes[name]);
  console.log(
    `${reqs.length} documents, ${differ.length} differ${differ.length ? `: ${differ.join(", ")}` : ""}`,
  );
  process.exitCode = differ.length ? 1 : 0;
}
