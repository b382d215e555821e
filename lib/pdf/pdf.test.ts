import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { createElement as h } from "react";
import { Document, Image, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { create, type Font } from "fontkit";
import { PDFArray, PDFDocument, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFRef } from "pdf-lib";
import { frontCounts, renderBookFront, renderBookPart, renderPdf, settleFront, type RenderRequest } from "@/lib/pdf/render";
import { pageCountOf } from "@/lib/pdf/pdf-pool";
import { stampMarkings } from "@/lib/pdf/markings";
import { BODY_FONT, registerFonts } from "@/lib/pdf/fonts";
import { frontPageCount } from "@/lib/pdf/templates/book-front";
import { ordinal, withIndefinite } from "@/lib/pdf/templates/public-readout";
import { topicCategory } from "@/lib/pdf/templates/parts";
import { countryPrintName } from "@/lib/countries";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Briefing } from "@/lib/pdf/briefing";
import { pdfPages, type PdfPage } from "@/lib/testing/pdf-text";
import { DEMO_ROUND_4, DEMO_ROUND_4_ID } from "@/lib/demo/demo-records";

const note = (b: Briefing, paper: "A4" | "LETTER" = "A4") =>
  renderPdf({ template: "briefing-note", paper, briefings: [b] });

/** Markings on every page, and nothing else in the bands they occupy. */
function expectMarkings(pages: PdfPage[], classification: string, draftOn: boolean | ((pageIndex: number) => boolean)) {
  pages.forEach((p, i) => {
    const draft = typeof draftOn === "boolean" ? draftOn : draftOn(i);
    expect(
      p.text.match(new RegExp(`\\b${classification}\\b`, "g"))?.length ?? 0,
      `page ${i + 1}`,
    ).toBeGreaterThanOrEqual(2);
    expect(p.text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(p.text.includes("DRAFT"), `page ${i + 1} watermark`).toBe(draft);
    const marks = new Set([classification, "DRAFT", `Page ${i + 1} of ${pages.length}`]);
    for (const item of p.items) {
      if (marks.has(item.str) || item.str.startsWith("READOUT/")) continue;
      expect(item.y, `"${item.str}" on page ${i + 1} runs into the footer`).toBeGreaterThan(44);
      expect(item.y, `"${item.str}" on page ${i + 1} runs into the header`).toBeLessThan(
        p.height - 40,
      );
      expect(
        item.x + item.width,
        `"${item.str}" on page ${i + 1} runs off the right margin`,
      ).toBeLessThan(p.width - 40);
    }
  });
}

function withOutcomes(n: number, base = sampleBriefing()): Briefing {
  const outcomes = Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    type: i % 3 === 0 ? ("COMMITMENT" as const) : ("AGREEMENT" as const),
    text: `Outcome ${i + 1}: the two sides will continue working on item ${i + 1}, with a review at the next round.`,
    owner: i % 3 === 0 ? "Europe Division" : "",
    dueDate: i % 3 === 0 ? "2024-01-31" : null,
    status: i % 3 === 0 ? ("OPEN" as const) : null,
    originId: null,
    isPublic: true,
  }));
  return { ...base, data: { ...base.data, outcomes } };
}

describe("briefing note", () => {
  it("prints the facts of the worked example with markings and numbering on every page", async () => {
    const pages = await pdfPages(await note(sampleBriefing()));
    const all = pages.map((p) => p.text).join(" ");
    for (const fact of [
      "Pakistan–Russia Bilateral Political Consultations, round 5",
      "20 June 2023",
      "Islamabad, Pakistan",
      "Asad Majeed Khan",
      "Andrey Rudenko",
      "Zamir Kabulov",
      "Cordial and constructive",
      "Moscow, Russian Federation, on mutually convenient dates",
      "Europe Division",
      // Due dates in the outcomes table, spelt as elsewhere (short: the column is narrow).
      "31 Dec 2023",
      "Not approved",
    ]) {
      expect(all).toContain(fact);
    }
    expect(all).toContain("READOUT/2023/00000000 · version 1");
    expectMarkings(pages, "RESTRICTED", true);
  });

  it("names a topic's category only where its subject does not already", async () => {
    const base = sampleBriefing();
    const topic = (category: "REGIONAL" | "ECONOMIC" | "PEOPLE_TO_PEOPLE", subject: string) => ({ id: randomUUID(), category, subject, notes: "", isPublic: true });
    const b = {
      ...base,
      data: { ...base.data, topics: [topic("PEOPLE_TO_PEOPLE", "People-to-people contacts"), topic("REGIONAL", "Afghanistan"), topic("ECONOMIC", "Economics of the energy corridor"), topic("ECONOMIC", "economic and trade cooperation")] },
    };
    const all = (await pdfPages(await note(b))).map((p) => p.text).join(" ");
    for (const line of ["• People-to-people contacts •", "• Regional: Afghanistan •", "• Economic: Economics of the energy corridor", "• economic and trade cooperation"]) expect(all).toContain(line);
    expect(all).not.toMatch(/People-to-people contacts: People|Economic: economic/);
    const summary = (await pdfPages(await renderPdf({ template: "one-page", paper: "A4", briefings: [b] }))).map((p) => p.text).join(" ");
    // (pdf.js reads the full stop, a text of its own, as a word of its own.)
    expect(summary).toMatch(/People-to-people contacts; Afghanistan \(regional\); Economics of the energy corridor \(economic\); economic and trade cooperation ?\./);
    // A word of its own: the category's name or first word, not a part of a longer word.
    expect(
      [
        ["PEOPLE_TO_PEOPLE", "People-to-people exchanges"],
        ["PEOPLE_TO_PEOPLE", "People's Republic relations"],
        ["TRADE", "Trade-offs in the region"],
        ["TRADE", " Trade, investment"],
        ["ENERGY", "Energy\u0301s"],
        ["SCIENCE_TECHNOLOGY", "Science diplomacy"],
        ["OTHER", "Other matters"],
      ].map(([category, subject]) => topicCategory({ category: category as string, subject: subject as string })),
    ).toEqual([null, "People-to-people contacts", "Trade", null, "Energy", null, null]);
  });

  it("has no watermark once approved, and says who approved", async () => {
    const b = {
      ...sampleBriefing(),
      status: "APPROVED",
      approved: true,
      approvedBy: "Ayesha Khan",
      approvedAt: "2023-06-22T09:00:00.000Z",
    };
    const pages = await pdfPages(await note(b));
    expectMarkings(pages, "RESTRICTED", false);
    expect(pages.map((p) => p.text).join(" ")).toContain("Approved by Ayesha Khan on 22 June 2023");
  });

  it("refuses to mark a page twice (its markings' fonts have fixed names)", async () => {
    const doc = await PDFDocument.load(await note(sampleBriefing()));
    await expect(
      stampMarkings(doc, { classification: "SECRET", reference: "X", version: 1, draft: false }),
    ).rejects.toThrow("page 1 already carries its markings");
  });

  it("renders the same bytes for the same input", async () => {
    const [a, b] = [await note(sampleBriefing()), await note(sampleBriefing())];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const changed = await note({ ...sampleBriefing(), version: 2 });
    expect(Buffer.from(a).equals(Buffer.from(changed))).toBe(false);
  });

  // Noto Naskh Arabic draws the teeth of ب ت ن ی (and پ) alike, their dots apart. A PDF maps each
  // glyph of its embedded font to one text, which used to be the first letter the glyph was drawn
  // for: "دونوں" was copied, and searched, as "دوبون". A glyph drawn for other letters now gets a
  // copy of its own (patches/@react-pdf+render+4.7.0.patch).
  it("gives back every Arabic-script letter as written, where letters share a glyph", async () => {
    const base = sampleBriefing();
    const urdu = "دونوں فریقوں نے باہمی تعاون، تجارت اور سیاسی تعلقات پر تبادلہ خیال کیا۔";
    const name = "آصف مجید خان";
    const b = {
      ...base,
      data: {
        ...base.data,
        facts: { ...base.data.facts, summary: urdu },
        participants: [...base.data.participants, { id: randomUUID(), side: "HOME" as const, honorific: "", name, title: "سیکرٹری خارجہ", organisation: "", role: "MEMBER" as const }],
      },
    };
    const bytes = await note(b);
    // Poppler (pdftotext), word by word.
    const dir = mkdtempSync(path.join(tmpdir(), "readout-urdu-"));
    writeFileSync(path.join(dir, "note.pdf"), bytes);
    const poppler = execFileSync("pdftotext", [path.join(dir, "note.pdf"), "-"]).toString();
    rmSync(dir, { recursive: true });
    for (const word of [...urdu.split(/[\s،۔]+/), ...name.split(" "), "سیکرٹری", "خارجہ"].filter(Boolean)) expect(poppler, word).toContain(word);
    // pdf.js: the same letters, as many of each (it orders right-to-left words its own way).
    const letters = (text: string) => [...text.replace(/[^\u0600-\u06FF]/g, "")].sort().join("");
    const read = (await pdfPages(bytes)).map((p) => p.text).join(" ");
    expect(letters(read)).toBe(letters(urdu + name + "سیکرٹری خارجہ"));
    // The dots, drawn as glyphs of their own, stand for no character: mapped to U+0000, which
    // pdf.js drops when copying (removeNullCharacters), every word comes out whole. Mapped to
    // nothing, pdf.js read each as its glyph number: "ت\u000eبادلہ". (patches/pdfkit+0.20.1.patch)
    expect(read).not.toMatch(/[\x01-\x1F]/);
    const copied = read.replaceAll("\x00", "");
    for (const word of [...urdu.split(/[\s،۔]+/), ...name.split(" "), "سیکرٹری", "خارجہ"].filter(Boolean)) expect(copied, word).toContain(word);
  });

  // In right-to-left text a bracket or relation is drawn as its mirror image: "(" on the right of
  // the words it opens looks like ")". textkit drew it by writing the mirrored character into the
  // text, so the PDF read back ")خمسة أعضاء(" and "≥" for "≤", and searching for what was typed
  // found nothing (patches/@react-pdf+textkit+7.0.1.patch, unmirror).
  it("gives back the brackets and relations of right-to-left text as written, though drawn mirrored", async () => {
    const base = sampleBriefing();
    const arabic = "الحد الأدنى (خمسة أعضاء) ≤ عشرة [مؤقت] و«نص»";
    const bytes = await note({ ...base, data: { ...base.data, facts: { ...base.data.facts, summary: `${arabic}.` } } });
    const dir = mkdtempSync(path.join(tmpdir(), "readout-mirror-"));
    writeFileSync(path.join(dir, "note.pdf"), bytes);
    const poppler = execFileSync("pdftotext", [path.join(dir, "note.pdf"), "-"]).toString();
    rmSync(dir, { recursive: true });
    expect(poppler).toContain("(خمسة أعضاء) ≤ عشرة [مؤقت] و«نص");
    // pdf.js orders right-to-left words its own way: the marks, as many of each as the same note
    // without that summary has, and the summary's (a count tells ≤ from ≥, not "(" from ")":
    // Poppler's text above checks those).
    const marks = (text: string) => [...text.replace(/[^()[\]«»≤≥]/g, "")].sort().join("");
    const read = async (pdf: Uint8Array) => marks((await pdfPages(pdf)).map((p) => p.text).join(" "));
    const without = await note({ ...base, data: { ...base.data, facts: { ...base.data.facts, summary: "." } } });
    expect(await read(bytes)).toBe(marks((await read(without)) + arabic));
  });

  // fontkit keeps one glyph object per glyph id, with the code points of the first text that
  // produced it. Noto Naskh Arabic draws ت and a medial ی with one glyph (the dots apart), so the
  // text a PDF maps that glyph to (its ToUnicode map), and with it the bytes, depended on what
  // the process had rendered before (patches/fontkit+2.0.4.patch, getGlyph).
  it("renders Arabic-script text to the same bytes whatever the process rendered before", async () => {
    const base = sampleBriefing();
    const withSummary = (summary: string): RenderRequest => ({
      template: "briefing-note",
      paper: "A4",
      briefings: [{ ...base, data: { ...base.data, facts: { ...base.data.facts, summary } } }],
    });
    // A hamza typed as a mark (U+0654, as Urdu keyboards do) is the glyph أ decomposes into.
    const urdu = withSummary("دونوں فریقوں نے دوطرفہ تعاون کے وسیع امور پر تبادلہ خیال کیا۔ پاکستان ایران ترکی یمن بین مسئلہ\u0654 کشمیر");
    const arabic = withSummary("أجرى الجانبان مشاورات سياسية في إسلام آباد حول التعاون الاقتصادي والأمن الإقليمي وبين الدولتين");
    const hashes = (requests: RenderRequest[]) =>
      execFileSync(process.execPath, ["--import", "tsx", "lib/testing/render-in-fresh-process.ts"], {
        input: JSON.stringify(requests),
        env: { ...process.env, NODE_ENV: "production" },
        encoding: "utf8",
      })
        .trim()
        .split("\n");
    const [alone] = hashes([arabic]);
    const [, afterUrdu] = hashes([urdu, arabic]);
    expect(alone).toMatch(/^[0-9a-f]{64}$/);
    expect(afterUrdu).toBe(alone);
  }, 60_000);

  it.each([0, 200])(
    "renders %i outcomes, numbering every page",
    async (n) => {
      const pages = await pdfPages(await note(withOutcomes(n)));
      expectMarkings(pages, "RESTRICTED", true);
      if (n === 200) expect(pages.map((p) => p.text).join(" ")).toContain("Outcome 200:");
    },
    120_000,
  );

  it("numbers every page of a 150-page document, on US Letter too", async () => {
    const pages = await pdfPages(await note(withOutcomes(1_500), "LETTER"));
    expect(pages.length).toBeGreaterThanOrEqual(100);
    expect(pages[0]?.width).toBeCloseTo(612, 0);
    expectMarkings(pages, "RESTRICTED", true);
  }, 300_000);

  // Right-to-left paragraphs (Para, templates/parts.tsx) ran past the margin until textkit measured
  // words from their first glyph (see the next test). Summary (full width), an outcome (table
  // column) and a fact (value column).
  it.each(["A4", "LETTER"] as const)("keeps multi-line Arabic-script paragraphs inside the margins (%s)", async (paper) => {
    const base = withOutcomes(3);
    const urdu = "دونوں فریقوں نے دوطرفہ تعاون کے وسیع امور پر تبادلہ خیال کیا۔ ";
    const outcomes = base.data.outcomes.map((o, i) => (i === 1 ? { ...o, text: urdu.repeat(6) } : o));
    const title = "المشاورات السياسية الثنائية بين باكستان وروسيا، الجولة الخامسة في إسلام آباد حول التعاون الإقليمي";
    const b = { ...base, data: { ...base.data, outcomes, facts: { ...base.data.facts, title, summary: urdu.repeat(20), context: urdu.repeat(4) } } };
    const pages = await pdfPages(await note(b, paper));
    expectMarkings(pages, "RESTRICTED", true);
    const arabicLines = pages.flatMap((p) => p.items.filter((item) => /[\u0600-\u06FF]/.test(item.str)));
    expect(arabicLines.length).toBeGreaterThan(25);
    // The title's lines (above the first fact row) end at the right margin, as Arabic is set.
    const first = pages[0] as PdfPage;
    const dates = first.items.find((item) => item.str === "Dates");
    expect(dates, "the facts table's first row").toBeDefined();
    const titleLines = new Map<number, number>();
    for (const item of first.items)
      if (/[\u0600-\u06FF]/.test(item.str) && item.y > (dates?.y ?? 0) + 20)
        titleLines.set(Math.round(item.y), Math.max(titleLines.get(Math.round(item.y)) ?? 0, item.x + item.width));
    expect(titleLines.size, "the title takes two lines").toBeGreaterThanOrEqual(2);
    for (const right of titleLines.values()) expect(right).toBeGreaterThan(first.width - 56 - 8);
    // Every line inside its box: the margin, and the outcome's own column (the only Arabic that
    // ends left of the middle of the page), from its left edge to the owner's column.
    // The Urdu outcome is the second row of the table, between the first two "Agreement" labels.
    const outcomeColumn = { left: 56 + 92, right: first.width - 56 - 80 - 66 - 56 };
    const table = pages.find((p) => p.items.filter((i) => i.str === "Agreement").length >= 2) as PdfPage;
    const [top, next] = table.items.filter((i) => i.str === "Agreement").map((i) => i.y);
    const outcomeLines = table.items.filter((i) => /[\u0600-\u06FF]/.test(i.str) && i.y <= (top ?? 0) + 1 && i.y > (next ?? 0) + 1);
    expect(outcomeLines.length, "the outcome's lines").toBeGreaterThanOrEqual(6);
    for (const item of outcomeLines) {
      expect(item.x, `"${item.str}" starts left of its column`).toBeGreaterThanOrEqual(outcomeColumn.left - 0.5);
      expect(item.x + item.width, `"${item.str}" runs into the owner's column`).toBeLessThanOrEqual(outcomeColumn.right + 0.5);
    }
    for (const p of pages)
      for (const item of p.items.filter((i) => /[\u0600-\u06FF]/.test(i.str)))
        expect(item.x + item.width, `"${item.str}" runs past the right margin`).toBeLessThanOrEqual(p.width - 56 + 0.5);
  });

  // A value whose first paragraph is Urdu and whose next ones are English: each paragraph is set
  // in its own direction (one right-to-left <Text> for all of them moved the English full stop
  // to the front and right-aligned the English).
  it("sets each paragraph of a value in its own direction", async () => {
    const base = sampleBriefing();
    const context = "دونوں فریقوں نے تبادلہ خیال کیا۔\nThe second paragraph is English (with brackets), ending here.\n2024: the third paragraph.";
    const pages = await pdfPages(await note({ ...base, data: { ...base.data, facts: { ...base.data.facts, context } } }));
    const first = pages[0] as PdfPage;
    const valueLeft = 56 + 150;
    // pdf.js may split a line into several items: rejoined by their baseline.
    const lines = new Map<number, { text: string; x: number }>();
    for (const item of [...first.items].sort((a, b) => a.x - b.x)) {
      const y = Math.round(item.y);
      const line = lines.get(y);
      lines.set(y, line ? { text: `${line.text} ${item.str}`, x: line.x } : { text: item.str, x: item.x });
    }
    for (const expected of ["The second paragraph is English (with brackets), ending here.", "2024: the third paragraph."]) {
      const line = [...lines.values()].find((l) => l.text.replace(/\s+/g, " ").trim() === expected);
      expect(line, expected).toBeDefined();
      expect(line?.x, `"${expected}" starts at the value column's left edge`).toBeCloseTo(valueLeft, 0);
    }
    const label = first.items.find((i) => i.str === "Context");
    const urdu = first.items.filter((i) => /[\u0600-\u06FF]/.test(i.str) && Math.abs(i.y - (label?.y ?? NaN)) < 1);
    expect(urdu.length, "the Urdu paragraph, beside its label").toBeGreaterThan(0);
    expect(Math.max(...urdu.map((i) => i.x + i.width)), "the Urdu paragraph ends at the right margin").toBeGreaterThan(first.width - 56 - 2);
  });

  // Noto Naskh Arabic shapes خ, پ, آ, ب and more as a base glyph and marks. Where a wrapped line
  // (or a measured word) started at such a letter, react-pdf's textkit left out the base glyph:
  // the letter vanished, and lines were measured short and ran past the margin
  // (patches/@react-pdf+textkit+7.0.1.patch, firstGlyphIndexAt).
  it.each(["A4", "LETTER"] as const)("keeps every letter of Arabic words wrapped inside a Latin-script paragraph, within the margin (%s)", async (paper) => {
    const arabic = "خیبر پختونخوا آزادی خط پاکستان بین";
    const summary = Array.from({ length: 12 }, (_, i) => `Item ${i + 1} of the talks${" x".repeat(i % 5)} touched on ${arabic} and the follow-up`).join(", ") + ".";
    const base = sampleBriefing();
    // A paragraph that starts with such a letter lost it too.
    const context = `${arabic} — the province's view`;
    const b = { ...base, data: { ...base.data, facts: { ...base.data.facts, summary, context } } };
    const pages = await pdfPages(await note(b, paper));
    const letters = (s: string) => s.match(/[\u0600-\u06FF]/g)?.length ?? 0;
    expect(letters(JSON.stringify(base.data)), "the demo record itself has no Arabic").toBe(0);
    // Marks have no code points, so a base glyph left out is a letter fewer in the text read back.
    expect(pages.reduce((n, p) => n + letters(p.items.map((i) => i.str).join("")), 0)).toBe(letters(summary + context));
    const wrapped = pages.flatMap((p) => p.items.filter((item) => /[\u0600-\u06FF]/.test(item.str) && item.x < 60));
    expect(wrapped.length, "lines that start in Arabic").toBeGreaterThan(2);
    for (const p of pages)
      for (const item of p.items)
        if (/[\u0600-\u06FF]/.test(item.str))
          expect(item.x + item.width, `"${item.str}" runs past the right margin`).toBeLessThanOrEqual(p.width - 56 + 0.5);
  });

  it("survives long words, links, Cyrillic paragraphs and Arabic lines without running into the markings", async () => {
    const base = sampleBriefing();
    const long =
      "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsvorsitzendenstellvertreter";
    const b = {
      ...base,
      data: {
        ...base.data,
        facts: {
          ...base.data.facts,
          summary: `${long} https://example.org/${"a".repeat(90)}/document.pdf a.very.long.name@ministry-of-foreign-affairs.example.gov\n${"Стороны обсудили широкий круг вопросов двустороннего сотрудничества. ".repeat(20)}\nدونوں فریقوں نے تبادلہ خیال کیا۔`,
        },
      },
    };
    const pages = await pdfPages(await note(b));
    expectMarkings(pages, "RESTRICTED", true);
    const text = pages.map((p) => p.text).join(" ");
    expect(text).toContain("Стороны обсудили");
    // Each breaks at the margin (hair spaces, pdfText) without a hyphen added anywhere in it.
    const unbroken = text.replace(/\s+/g, "");
    expect(unbroken).toContain(`https://example.org/${"a".repeat(90)}/document.pdf`);
    expect(unbroken).toContain("a.very.long.name@ministry-of-foreign-affairs.example.gov");
    expect(unbroken).toContain(long);
  });
});

describe("the longest fields the forms allow", () => {
  it("stay on the page, clear of the banners and in their columns, with no page left nearly empty", async () => {
    const base = sampleBriefing();
    const url = "https://www.mofa.gov.pk/press-releases/2023/06/pakistan-russia-bilateral-political-consultations-fifth-round-joint-statement?lang=en&ref=readout";
    const words = (n: number) => "The two sides reviewed the state of cooperation in detail. ".repeat(Math.ceil(n / 58)).slice(0, n).trim();
    const origin = base.data.outcomes[0]?.id as string;
    const b: Briefing = {
      ...base,
      data: {
        ...base.data,
        topics: [{ ...base.data.topics[0]!, notes: `${words(4_800)} ${url}` }, ...base.data.topics.slice(1)],
        outcomes: [
          { ...base.data.outcomes[0]!, originId: origin, text: words(1_990), owner: "Directorate-General for Internationalisation and Interdepartmental Coordination" },
          { ...base.data.outcomes[1]!, owner: "Межправительственной комиссии по торгово-экономическому сотрудничеству" },
          ...base.data.outcomes.slice(2),
        ],
        regionalIssues: [{ id: randomUUID(), region: "خليج عدن", positions: words(4_990), isPublic: true }, ...base.data.regionalIssues],
        sideMeetings: [{ id: randomUUID(), kind: "MEETING", withWhom: "the Deputy Foreign Minister", date: "2023-06-20", notes: `Follow-up: ${url}` }],
        nextRound: { ...base.data.nextRound, note: `Agenda: ${url}` },
      },
      history: {
        [origin]: [
          { consultationId: randomUUID(), roundNumber: null, startDate: "2021-03-01", status: null, dueDate: null },
          { consultationId: randomUUID(), roundNumber: 4, startDate: "2022-06-01", status: "OPEN", dueDate: null },
          { consultationId: base.id, roundNumber: 5, startDate: "2023-06-20", status: "IN_PROGRESS", dueDate: null },
        ],
      },
    };
    for (const paper of ["A4", "LETTER"] as const) {
      const pages = await pdfPages(await note(b, paper));
      expectMarkings(pages, "RESTRICTED", true);
      const text = pages.map((p) => p.text).join(" ");
      expect(text).toContain("Carried over: 1 March 2021 › round 4 open › round 5 in progress");
      pages.forEach((p, i) => {
        const body = p.items.filter((item) => !/^(RESTRICTED|DRAFT|READOUT\/|Page \d)/.test(item.str));
        expect(body.length, `page ${i + 1} of ${pages.length} (${paper}) is nearly empty`).toBeGreaterThan(5);
        // The owner's column ends where the due date's begins.
        for (const due of p.items.filter((item) => /^\d{4}-\d{2}-\d{2}$/.test(item.str)))
          for (const item of p.items.filter((it) => Math.abs(it.y - due.y) < 2 && it.x < due.x && it.x > due.x - 90))
            expect(item.x + item.width, `"${item.str}" runs into the due date on page ${i + 1}`).toBeLessThanOrEqual(due.x + 0.5);
      });
      const unbroken = text.replace(/\s+/g, "");
      expect(unbroken.split(url).length - 1, "the link, whole, in topic notes, side meeting and next round").toBe(3);
      // The region's name keeps its first letter, خ. (Letters are looked for, not words: pdf.js
      // orders Arabic its own way, and reads a final ن back as ں once a glyph they share was
      // first used for ں, by an Urdu test before this one.)
      expect(text).toContain("خ");
      expect(text).toContain("عد");
    }
  }, 60_000);
});

describe("one-page summary", () => {
  it("fits one page for the worked example and for an oversized record, and says what it left out", async () => {
    for (const b of [
      sampleBriefing(),
      withOutcomes(200, {
        ...sampleBriefing(),
        data: {
          ...sampleBriefing().data,
          facts: {
            ...sampleBriefing().data.facts,
            summary: "A long summary sentence. ".repeat(400),
          },
        },
      }),
    ]) {
      const pages = await pdfPages(
        await renderPdf({ template: "one-page", paper: "A4", briefings: [b] }),
      );
      expect(pages).toHaveLength(1);
      // An A4 page, not one grown to fit what it holds.
      expect([Math.round(pages[0]?.width ?? 0), Math.round(pages[0]?.height ?? 0)]).toEqual([595, 842]);
      expectMarkings(pages, "RESTRICTED", true);
      expect(pages[0]?.text).toMatch(/Left out to fit one page: .*regional issues/);
    }
    const oversized = await pdfPages(
      await renderPdf({ template: "one-page", paper: "LETTER", briefings: [withOutcomes(200, sampleBriefing())] }),
    );
    expect([Math.round(oversized[0]?.width ?? 0), Math.round(oversized[0]?.height ?? 0)]).toEqual([612, 792]);
    expect(oversized[0]?.text).toMatch(/Left out to fit one page: \d+ of 20\d outcomes/);
  }, 60_000);

  it("fits one page even with the longest title, heads and next round the forms allow", async () => {
    const base = sampleBriefing();
    const head = (side: "HOME" | "COUNTERPART", i: number) => ({
      id: randomUUID(),
      side,
      honorific: "His Excellency Ambassador",
      name: `${"Muhammad Abdul Rahman Khan Niazi ".repeat(3).trim()} ${i}`,
      title: "Additional Secretary (Europe, Central Asia, Russian Federation and the Commonwealth of Independent States)".repeat(2).slice(0, 200),
      organisation: "Ministry of Foreign Affairs",
      role: "HEAD" as const,
    });
    const b: Briefing = {
      ...base,
      seriesName: "Bilateral consultations on strategic stability, arms control, disarmament and non-proliferation ".repeat(4).slice(0, 300),
      data: {
        ...base.data,
        facts: { ...base.data.facts, title: "Consultations on strategic stability, arms control and non-proliferation ".repeat(5).slice(0, 300), venueCity: "Islamabad, Ministry of Foreign Affairs, Constitution Avenue, Sector G-5, conference hall ".slice(0, 120) },
        outcomes: base.data.outcomes.map((o) => (o.type === "COMMITMENT" ? { ...o, owner: "Directorate-General for Europe, Central Asia and the Commonwealth of Independent States ".repeat(3).slice(0, 200) } : o)),
        participants: [head("HOME", 1), head("HOME", 2), head("COUNTERPART", 1), head("COUNTERPART", 2)],
        nextRound: { ...base.data.nextRound, note: "To be confirmed through diplomatic channels after consultations with the relevant ministries. ".repeat(6).slice(0, 500) },
      },
    };
    for (const paper of ["A4", "LETTER"] as const) {
      const pages = await pdfPages(await renderPdf({ template: "one-page", paper, briefings: [b] }));
      expect(pages, paper).toHaveLength(1);
      expectMarkings(pages, "RESTRICTED", true);
      expect(pages[0]?.text).toContain("part of some long titles, names and places");
    }
  }, 60_000);

  it("names what it leaves out even when everything else fits", async () => {
    const base = sampleBriefing();
    const b: Briefing = {
      ...base,
      data: { ...base.data, regionalIssues: [], sideMeetings: [] },
      earlierOpen: [{ text: "Exchange visits of young diplomats", owner: "Europe Division", dueDate: null, status: "OPEN", round: 4, date: "2021-01-01" }],
    };
    const [page] = await pdfPages(await renderPdf({ template: "one-page", paper: "A4", briefings: [b] }));
    expect(page?.text).not.toContain("Nothing was left out");
    for (const part of ["the atmosphere", "the context", "delegation members", "open commitments from earlier rounds", "references"])
      expect(page?.text).toContain(part);
  });
});

describe("public readout", () => {
  it("is prose from public fields only and always UNCLASSIFIED", async () => {
    const b = {
      ...sampleBriefing(),
      data: {
        ...sampleBriefing().data,
        facts: { ...sampleBriefing().data.facts, classification: "SECRET" as const },
      },
    };
    const pages = await pdfPages(
      await renderPdf({ template: "public-readout", paper: "A4", briefings: [b] }),
    );
    const text = pages.map((p) => p.text).join(" ");
    expectMarkings(pages, "UNCLASSIFIED", true);
    expect(text).not.toContain("SECRET");
    expect(text).toContain(
      "The fifth round of the Pakistan–Russia Bilateral Political Consultations was held in Islamabad on 20 June 2023",
    );
    expect(text).toContain(
      "The next round will be held in Moscow, Russian Federation, on mutually convenient dates.",
    );
    expect(text).toContain(
      "Deputy Foreign Minister Mr. Andrey Rudenko led the delegation of the Russian Federation",
    );
    // Not public: an internal commitment and the internal summary.
    expect(text).not.toContain("Propose dates for the sixth round");
    expect(text).not.toContain("went over the whole relationship");
  });

  it("prints the atmosphere only where it is marked public", async () => {
    const base = sampleBriefing();
    const readout = async (facts: Partial<Briefing["data"]["facts"]>) =>
      (await pdfPages(await renderPdf({ template: "public-readout", paper: "A4", briefings: [{ ...base, data: { ...base.data, facts: { ...base.data.facts, ...facts } } }] })))
        .map((p) => p.text)
        .join(" ");
    expect(await readout({ atmosphereIsPublic: true })).toContain("20 June 2023, in a cordial and constructive atmosphere.");
    const internal = await readout({ atmosphere: "Tense; the other side walked out twice", atmosphereIsPublic: false });
    expect(internal).toContain("was held in Islamabad on 20 June 2023.");
    expect(internal).not.toMatch(/tense|walked out|atmosphere/i);
    // The internal briefing note prints it either way.
    const note = (await pdfPages(await renderPdf({ template: "briefing-note", paper: "A4", briefings: [{ ...base, data: { ...base.data, facts: { ...base.data.facts, atmosphereIsPublic: false } } }] }))).map((p) => p.text).join(" ");
    expect(note).toContain("Cordial and constructive");
  });

  it("reads as English: ordinals, articles, names and acronyms", async () => {
    const base = sampleBriefing();
    const topic = (subject: string) => ({ id: randomUUID(), category: "POLITICAL" as const, subject, notes: "", isPublic: true });
    const b: Briefing = {
      ...base,
      counterpartNames: countryPrintName("MD"),
      data: {
        ...base.data,
        facts: { ...base.data.facts, roundNumber: 21, atmosphere: "Open and frank" },
        topics: [topic("Afghanistan and the SCO"), topic("CPEC and the Eurasian Economic Union"), topic("Political relations")],
      },
    };
    const text = (await pdfPages(await renderPdf({ template: "public-readout", paper: "A4", briefings: [b] }))).map((p) => p.text).join(" ");
    expect(text).toContain("The 21st round of the");
    expect(text).toContain("in an open and frank atmosphere");
    expect(text).toContain("The two sides discussed: • Afghanistan and the SCO • CPEC and the Eurasian Economic Union • Political relations");
    expect(text).toContain("led the delegation of the Republic of Moldova");
    expect(["open", "useful", "unusual", "honest", "cordial", "one-sided", "European", "uneasy", "unique"].map(withIndefinite)).toEqual(
      ["an open", "a useful", "an unusual", "an honest", "a cordial", "a one-sided", "a European", "an uneasy", "a unique"],
    );
    expect([1, 2, 3, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal)).toEqual(
      ["first", "second", "third", "eleventh", "twelfth", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th"],
    );
    expect(["MD", "VG", "FM", "TW", "RU"].map(countryPrintName)).toEqual(
      ["Republic of Moldova", "British Virgin Islands", "Federated States of Micronesia", "Taiwan, Province of China", "Russian Federation"],
    );
  });
});

describe("briefing book", () => {
  it("has a cover, contents with the right page numbers, bookmarks and numbering across the book", async () => {
    const round4: Briefing = {
      ...sampleBriefing(),
      id: DEMO_ROUND_4_ID,
      data: DEMO_ROUND_4,
      status: "APPROVED",
      approved: true,
    };
    const long = withOutcomes(60);
    // Each its own reference and version: the pages must carry their own record's.
    const records = [
      { ...round4, reference: "READOUT/2022/00000004", version: 3 },
      { ...sampleBriefing(), reference: "READOUT/2023/00000005", version: 2 },
      {
        ...long,
        reference: "READOUT/2024/00000006",
        data: {
          ...long.data,
          facts: { ...long.data.facts, title: "A long round with sixty outcomes" },
        },
      },
    ];
    const bytes = await renderPdf({
      template: "briefing-book",
      paper: "A4",
      briefings: records,
      book: { title: "Pakistan–Russia BPC", subtitle: "3 rounds", reference: "READOUT/BOOK/TEST" },
    });
    const pages = await pdfPages(bytes);
    const contents = pages[1]?.items ?? [];
    const starts: number[] = [];
    for (const b of records) {
      const title = b.data.facts.title;
      const row = contents.find((i) => i.str === title);
      expect(row, title).toBeTruthy();
      // The page number is the right-most figure on the title's line (the date has figures too).
      const onLine = contents
        .filter((i) => Math.abs(i.y - (row?.y ?? 0)) < 2 && /^\d+$/.test(i.str))
        .sort((a, b) => b.x - a.x);
      const number = Number(onLine[0]?.str);
      expect(
        pages[number - 1]?.text,
        `contents says "${title}" starts on page ${number}`,
      ).toContain(title);
      starts.push(number - 1);
    }
    // DRAFT on the cover and contents (the book holds drafts) and on the drafts' pages, not on
    // the approved round's; each record's pages carry its own reference and version.
    const recordAt = (i: number) => records[starts.filter((start) => start <= i).length - 1];
    expectMarkings(pages, "RESTRICTED", (i) => !recordAt(i)?.approved);
    pages.forEach((p, i) => {
      const b = recordAt(i);
      expect(p.text, `page ${i + 1}`).toContain(b ? `${b.reference} · version ${b.version}` : "READOUT/BOOK/TEST");
    });
    const doc = await PDFDocument.load(bytes);
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    expect((outlines.get(PDFName.of("Count")) as PDFNumber).asNumber()).toBe(3);
    // Each contents row is a link that jumps to its record's first page, and nothing else is.
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
    const annots = doc.getPages()[1]?.node.lookup(PDFName.of("Annots"), PDFArray);
    const targets = Array.from({ length: annots?.size() ?? 0 }, (_, i) => {
      const annot = annots?.lookup(i, PDFDict);
      expect(annot?.get(PDFName.of("A")), "no web address left").toBeUndefined();
      return pageIndex.get(String(annot?.lookup(PDFName.of("Dest"), PDFArray).get(0)));
    });
    expect(targets).toEqual(starts);
  }, 120_000);

  it("numbers the contents and bookmarks right over several contents pages, planned as the titles print", async () => {
    // Long titles that wrap in the contents; every third one with the basmala ligature (U+FDFD,
    // 12 em wide in Noto Naskh Arabic), every third with symbols from Noto Sans Symbols 2 and
    // Noto Sans Math (wider than the missing-glyph box they printed before): the contents'
    // planning measures each character in the face that prints it, so the front is laid out once
    // (settleFront's renumbering when it is not: the test below).
    const records = Array.from({ length: 30 }, (_, i) => ({
      ...sampleBriefing(),
      id: randomUUID(),
      data: {
        ...sampleBriefing().data,
        facts: {
          ...sampleBriefing().data.facts,
          title:
            i % 3 === 0
              ? `Record ${i + 1} — ${"\uFDFD ".repeat(8)}`.trim()
              : i % 3 === 1
                ? `Record ${i + 1} — ${"◆ ✓ → ★ ".repeat(7)}`.trim()
                : `Record ${i + 1} — strategic dialogue on regional connectivity, energy corridors, water security and counter-terrorism cooperation`,
        },
      },
    }));
    const bytes = await renderPdf({
      template: "briefing-book",
      paper: "A4",
      briefings: records,
      book: { title: "Long titles", subtitle: "", reference: "READOUT/BOOK/TITLES" },
    });
    const pages = await pdfPages(bytes);
    expectMarkings(pages, "RESTRICTED", true);
    const front = pages.findIndex((p) => p.text.includes("Briefing note ·"));
    expect(front, "pages before the first record, as planned").toBe(frontPageCount(records.map((r) => ({ title: r.data.facts.title })), "A4"));
    expect(front, "several contents pages").toBeGreaterThan(2);
    const starts: number[] = [];
    records.forEach((_, i) => {
      const prefix = `Record ${i + 1} —`;
      const contentsPage = pages.slice(1, front).find((p) => p.items.some((item) => item.str.startsWith(prefix)));
      const row = contentsPage?.items.find((item) => item.str.startsWith(prefix));
      expect(row, prefix).toBeTruthy();
      const number = Number(
        contentsPage?.items
          .filter((item) => Math.abs(item.y - (row?.y ?? 0)) < 2 && /^\d+$/.test(item.str))
          .sort((a, b) => b.x - a.x)[0]?.str,
      );
      // A record's first page, and only that, opens with the kicker and then its title.
      const heading = new RegExp(`Briefing note · [^·]*${prefix}`);
      expect(pages[number - 1]?.text, `contents says "${prefix}" starts on page ${number}`).toMatch(heading);
      expect(pages[number - 2]?.text, `page ${number - 1}`).not.toMatch(heading);
      starts.push(number - 1);
    });
    // The bookmarks point at the same pages.
    const doc = await PDFDocument.load(bytes);
    const pageRefs = doc.getPages().map((p) => p.ref.toString());
    const outlines = doc.catalog.lookup(PDFName.of("Outlines"), PDFDict);
    const targets: number[] = [];
    for (let item = outlines.lookupMaybe(PDFName.of("First"), PDFDict); item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict))
      targets.push(pageRefs.indexOf(String(item.lookup(PDFName.of("Dest"), PDFArray).get(0))));
    expect(targets).toEqual(starts);
    // So do the contents' rows, over all of the contents' pages, in order.
    const links = doc.getPages().slice(0, front).flatMap((page) => {
      const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
      return Array.from({ length: annots?.size() ?? 0 }, (_, i) =>
        pageRefs.indexOf(String(annots?.lookup(i, PDFDict).lookup(PDFName.of("Dest"), PDFArray).get(0))),
      );
    });
    expect(links).toEqual(starts);
  }, 120_000);

  it("numbers the contents again from the pages the front really took, when the plan was off", async () => {
    const briefings = Array.from({ length: 3 }, () => sampleBriefing());
    const req: RenderRequest = { template: "briefing-book", paper: "A4", briefings };
    const planned = frontPageCount(briefings.map((b) => ({ title: b.data.facts.title })), "A4");
    const numbered = (front: number) => briefings.map((_, i) => ({ page: front + 1 + 2 * i }));
    for (const took of [planned + 1, planned - 1]) {
      // A front that takes `took` pages whatever it is numbered from.
      const renders: number[] = [];
      const out = await settleFront(req, numbered, async (entries) => {
        renders.push(entries[0]?.page as number);
        return { getPageCount: () => took };
      });
      expect(renders, `numbered first as planned, then from the ${took} pages it took`).toEqual([planned + 1, took + 1]);
      expect(out.front).toBe(took);
      expect(out.entries.map((e) => e.page)).toEqual([took + 1, took + 3, took + 5]);
    }
    // One that never settles is an error, not a loop.
    let pages = planned;
    await expect(settleFront(req, numbered, async () => ({ getPageCount: () => ++pages }))).rejects.toThrow(/would not settle/);
  });

  it("assembles a book with a cover and contents rendered ahead when its parts number them alike, and renders them again when not", async () => {
    // Records of 1, 2 and 4 pages, so that a count off by one moves the contents' numbers.
    const briefings = [withOutcomes(0), withOutcomes(12), withOutcomes(60)].map((b, i) => ({
      ...b,
      data: { ...b.data, facts: { ...b.data.facts, title: `Ahead ${i + 1}` } },
    }));
    const req: RenderRequest = { template: "briefing-book", paper: "A4", briefings, book: { title: "Ahead", subtitle: "", reference: "READOUT/BOOK/AHEAD" } };
    const parts = await Promise.all(briefings.map((b) => renderBookPart(b, "A4")));
    const counts = await Promise.all(parts.map(async (p) => (await PDFDocument.load(p)).getPageCount()));
    expect(new Set(counts).size, "parts of different lengths").toBe(3);
    // The pool reads a part's page count from pdfkit's page tree.
    expect(parts.map(pageCountOf)).toEqual(counts);
    expect(pageCountOf(new TextEncoder().encode("%PDF-1.3 not pdfkit's"))).toBeNull();
    const single = Buffer.from(await renderPdf(req));
    const before = { ...frontCounts };
    // Every count but the last record's: no entry starts after it.
    const ahead = await renderBookFront(req, counts.slice(0, -1));
    expect(Buffer.from(await renderPdf(req, parts, ahead)).equals(single)).toBe(true);
    expect(frontCounts).toEqual({ used: before.used + 1, renderedAgain: before.renderedAgain });
    const miscounted = await renderBookFront(req, [counts[0]!, counts[1]! + 1]);
    expect(miscounted.pages).not.toEqual(ahead.pages);
    expect(Buffer.from(await renderPdf(req, parts, miscounted)).equals(single)).toBe(true);
    expect(frontCounts).toEqual({ used: before.used + 1, renderedAgain: before.renderedAgain + 1 });
    // Numbered alike but rendered for another book (its title): rendered again too.
    const other = await renderBookFront({ ...req, book: { ...req.book!, title: "Another book" } }, counts.slice(0, -1));
    expect(other.pages).toEqual(ahead.pages);
    expect(Buffer.from(await renderPdf(req, parts, other)).equals(single)).toBe(true);
    expect(frontCounts).toEqual({ used: before.used + 1, renderedAgain: before.renderedAgain + 2 });
  }, 120_000);

  it("renders a 60-record book", async () => {
    const records = Array.from({ length: 60 }, (_, i) => ({
      ...sampleBriefing(),
      id: randomUUID(),
      data: {
        ...sampleBriefing().data,
        facts: { ...sampleBriefing().data.facts, title: `Round ${i + 1}` },
      },
    }));
    const pages = await pdfPages(
      await renderPdf({
        template: "briefing-book",
        paper: "A4",
        briefings: records,
        book: { title: "Sixty rounds", subtitle: "", reference: "READOUT/BOOK/60" },
      }),
    );
    expect(pages.length).toBeGreaterThan(60);
    expectMarkings(pages, "RESTRICTED", true);
  }, 300_000);
});

/** Inflated bytes of a stream of the PDF. */
function streamBytes(doc: PDFDocument, ref: unknown): Buffer {
  const stream = doc.context.lookup(ref as PDFRef);
  return inflateSync(stream instanceof PDFRawStream ? stream.getContents() : new Uint8Array());
}

/** Each font dictionary the pages use (once), with its name and font descriptor. */
function pageFonts(doc: PDFDocument): { name: string; font: PDFDict; descriptor: PDFDict | undefined }[] {
  const seen = new Set<string>();
  return doc.getPages().flatMap((page) =>
    [...(page.node.Resources()?.lookupMaybe(PDFName.of("Font"), PDFDict)?.entries() ?? [])].flatMap(([, ref]) => {
      if (seen.has(String(ref))) return [];
      seen.add(String(ref));
      const font = doc.context.lookup(ref, PDFDict);
      const descendant = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray)?.lookupMaybe(0, PDFDict);
      const descriptor = (descendant ?? font).lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
      return [{ name: String(font.get(PDFName.of("BaseFont"))), font, descriptor }];
    }),
  );
}

/**
 * Every font the pages use, by name: whether its glyphs are in the file, whether it maps back to
 * text, and the hashes of the font programs under that name.
 */
function fontsOf(doc: PDFDocument): Map<string, { embedded: boolean; toUnicode: boolean; programs: Set<string> }> {
  const fonts = new Map<string, { embedded: boolean; toUnicode: boolean; programs: Set<string> }>();
  for (const { name, font, descriptor } of pageFonts(doc)) {
    const file = ["FontFile", "FontFile2", "FontFile3"].map((k) => descriptor?.get(PDFName.of(k))).find(Boolean);
    const entry = fonts.get(name) ?? { embedded: true, toUnicode: true, programs: new Set<string>() };
    entry.embedded &&= file !== undefined;
    entry.toUnicode &&= font.has(PDFName.of("ToUnicode"));
    if (file) entry.programs.add(createHash("sha256").update(streamBytes(doc, file)).digest("hex"));
    fonts.set(name, entry);
  }
  return fonts;
}

/**
 * For each embedded font that maps glyphs to a tab, line feed or carriage return: how many such
 * glyphs it has, and how many of them have ink (an outline: the missing-glyph box has one).
 */
function controlGlyphs(doc: PDFDocument): { glyphs: number; inked: number } {
  let glyphs = 0;
  let inked = 0;
  for (const { font, descriptor } of pageFonts(doc)) {
    const toUnicode = font.get(PDFName.of("ToUnicode"));
    const file = descriptor?.get(PDFName.of("FontFile2"));
    if (!toUnicode || !file) continue;
    // pdfkit's ToUnicode: "<first> <last> [<text> <text> …]" ranges, one text (UTF-16 hex) per glyph.
    const controls: number[] = [];
    for (const m of streamBytes(doc, toUnicode).toString("latin1").matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
      [...(m[2] as string).matchAll(/<([0-9a-f ]*)>/gi)].forEach((t, i) => {
        if (["0009", "000a", "000d"].includes((t[1] as string).toLowerCase())) controls.push(parseInt(m[1] as string, 16) + i);
      });
    }
    if (controls.length === 0) continue;
    const program = create(streamBytes(doc, file)) as Font;
    glyphs += controls.length;
    inked += controls.filter((gid) => program.getGlyph(gid).path.commands.length > 0).length;
  }
  return { glyphs, inked };
}

describe("fonts", () => {
  // patches/@react-pdf+render+4.7.0.patch puts a document's glyphs in their font's subset in glyph
  // order before drawing, so that pdfkit can reuse a subset it encoded for another document.
  it("embeds the same font subsets for documents that draw the same glyphs in another order", async () => {
    const base = sampleBriefing();
    const title = base.data.facts.title;
    const reordered: Briefing = {
      ...base,
      data: { ...base.data, facts: { ...base.data.facts, title: title.split(" ").reverse().join(" ") } },
    };
    expect(reordered.data.facts.title).not.toBe(title);
    const programs = async (b: Briefing) =>
      [...fontsOf(await PDFDocument.load(await note(b))).values()].flatMap((f) => [...f.programs]).sort();
    const [a, b] = [await programs(base), await programs(reordered)];
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(b).toEqual(a);
  });

  // A glyph put in the subset ahead of drawing and then not drawn (an inline image's placeholder,
  // U+FFFC, drawn as the image) still gets a width and a text (ẞ comes after it in Noto Sans, so
  // it is not the subset's last glyph): the file is whole and reads back.
  it("writes a whole file when a text holds an inline image", async () => {
    registerFonts();
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    const bytes = await renderToBuffer(
      h(
        Document,
        null,
        h(Page, { size: "A4", style: { fontFamily: BODY_FONT, padding: 40 } }, h(Text, null, "Before ", h(Image, { src: png, style: { width: 10, height: 10 } }), " after ẞ.")),
      ) as never,
    );
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    expect((await pdfPages(bytes))[0]?.text).toMatch(/Before\s+after ẞ\./);
  });
  // A tab, and the line feed that ends a right-to-left line, have no glyph in any of our fonts:
  // each drew the missing-glyph box (patches/@react-pdf+render+4.7.0.patch draws a space).
  it("draws no missing-glyph box for tabs and line feeds, left to right or right to left", async () => {
    const base = sampleBriefing();
    const b = {
      ...base,
      data: {
        ...base.data,
        facts: { ...base.data.facts, summary: "Agenda:\t1. Energy\t2. Trade", context: "دونوں فریقوں نے تبادلہ خیال کیا۔\nدونوں فریقوں نے تعاون پر اتفاق کیا۔" },
        outcomes: [{ ...base.data.outcomes[0]!, text: "پہلا نکتہ\nدوسرا نکتہ\tتیسرا" }],
      },
    };
    for (const template of ["briefing-note", "one-page"] as const) {
      const bytes = await renderPdf({ template, paper: "A4", briefings: [b] });
      const { glyphs, inked } = controlGlyphs(await PDFDocument.load(bytes));
      expect(glyphs, `${template}: glyphs drawn for tabs and line feeds`).toBeGreaterThan(0);
      expect(inked, `${template}: of those, with ink (the missing-glyph box)`).toBe(0);
      // The tab still reads as a gap between its words.
      expect((await pdfPages(bytes)).map((p) => p.text).join(" "), template).toMatch(/Agenda: +1\. Energy +2\. Trade/);
    }
  });

  // A print shop's preflight rejects a PDF that leaves a font to the reader's machine: the
  // markings too are set in Noto Sans and embedded (lib/pdf/markings.ts), not in Helvetica.
  it.each(["briefing-note", "one-page", "public-readout", "briefing-book"] as const)(
    "are all embedded, subset, with their text mapped back, in the %s",
    async (template) => {
      const base = sampleBriefing();
      const b = {
        ...base,
        // Symbols Noto Sans lacks (✓ ★ ☐ from Noto Sans Symbols 2, → ≤ ≈ from Noto Sans Math), and
        // characters none of our fonts has (中文 😀): drawn as an embedded font's missing-glyph box
        // that reads back as the character, not in Helvetica (never embedded).
        data: { ...base.data, facts: { ...base.data.facts, summary: `${base.data.facts.summary}\nСтороны обсудили вопросы сотрудничества.\nدونوں فریقوں نے تبادلہ خیال کیا۔\nAgreed ✓ ★ ☐ → ≤ ≈ 中文 😀.` } },
      };
      // A book of three records, whose bold subsets differ (their titles' figures).
      const briefings = template === "briefing-book" ? [1, 2, 3].map((n) => ({ ...b, id: randomUUID(), data: { ...b.data, facts: { ...b.data.facts, title: `Round ${n}` } } })) : [b];
      const bytes = await renderPdf({ template, paper: "A4", briefings, book: { title: "Book", subtitle: "", reference: "READOUT/BOOK/FONTS" } });
      const fonts = fontsOf(await PDFDocument.load(bytes));
      if (template !== "public-readout") expect((await pdfPages(bytes)).map((p) => p.text).join(" ")).toMatch(/Agreed ✓ ★ ☐ → ≤ ≈ 中文 😀 ?\./);
      const names = [...fonts.keys()];
      // The markings' two faces, and the body's: six letters, "+", the face (a subset).
      expect(names.filter((n) => /^\/[A-Z]{6}\+NotoSans-Bold$/.test(n)).length, names.join(" ")).toBeGreaterThanOrEqual(2);
      expect(names.some((n) => /^\/[A-Z]{6}\+NotoSans-Regular$/.test(n)), names.join(" ")).toBe(true);
      if (template !== "public-readout")
        for (const face of ["NotoNaskhArabic-Regular", "NotoSansSymbols2-Regular", "NotoSansMath-Regular"])
          expect(names.some((n) => n.endsWith(`+${face}`)), `${face} in ${names.join(" ")}`).toBe(true);
      for (const [name, font] of fonts) {
        expect(font.embedded, `${name} is embedded`).toBe(true);
        expect(font.toUnicode, `${name} maps back to text`).toBe(true);
        expect(name, "a subset's name").toMatch(/^\/[A-Z]{6}\+/);
        // A name stands for one font program: a book merges records rendered apart, whose
        // subsets of one face differ.
        expect(font.programs.size, `${name}: font programs of that name`).toBe(1);
      }
      // And pdffonts (Poppler) agrees: every row says "emb yes".
      const file = path.join(mkdtempSync(path.join(tmpdir(), "readout-fonts-")), "out.pdf");
      writeFileSync(file, bytes);
      const rows = execFileSync("pdffonts", [file]).toString().split("\n").slice(2).filter(Boolean);
      rmSync(path.dirname(file), { recursive: true });
      expect(rows.length).toBeGreaterThanOrEqual(fonts.size);
      for (const row of rows) expect(row, row).toMatch(/\sCID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    },
  );
});
