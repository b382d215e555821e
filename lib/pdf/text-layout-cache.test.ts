import { createElement as h, type ComponentType, type ReactElement, type ReactNode } from "react";
import { Document, Font, Link, Page, Text, View, renderToBuffer, type Styles } from "@react-pdf/renderer";
import type { TextProps } from "@react-pdf/renderer";
import { afterAll, describe, expect, it } from "vitest";
import { BODY_FONT, registerFonts } from "@/lib/pdf/fonts";
import { renderPdf, type RenderRequest } from "@/lib/pdf/render";
import { textLayoutCache, textLayoutCounts, type TextLayoutCache } from "@/lib/pdf/text-layout-cache";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Briefing } from "@/lib/pdf/briefing";

registerFonts();
const store = Font as unknown as { textLayoutCache?: TextLayoutCache };
const installed = store.textLayoutCache;
afterAll(() => {
  store.textLayoutCache = installed;
});

/**
 * Plain objects and arrays frozen, deeply; objects of a class (fontkit's fonts and glyphs, which
 * cache what they compute on themselves) are left alone.
 */
function freeze(value: unknown, seen = new Set<unknown>()): void {
  if (!value || typeof value !== "object" || seen.has(value)) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return;
  seen.add(value);
  for (const v of Object.values(value)) freeze(v, seen);
  Object.freeze(value);
}

/** A cache that freezes what it keeps: whatever changes kept lines afterwards throws. */
function freezingCache(): TextLayoutCache & { size: () => number; hits: () => number } {
  const kept = new Map<string, Parameters<TextLayoutCache["set"]>[1]>();
  let hits = 0;
  return {
    get(key) {
      const lines = kept.get(key);
      if (lines) hits++;
      return lines;
    },
    set(key, lines) {
      freeze(lines);
      kept.set(key, lines);
    },
    size: () => kept.size,
    hits: () => hits,
  };
}

const urdu = "دونوں فریقوں نے دوطرفہ تعاون، تجارت اور توانائی پر تبادلۂ خیال کیا۔ ";
const base = sampleBriefing();
const mixed: Briefing = {
  ...base,
  id: "00000000-0000-4000-9000-000000000002",
  data: {
    ...base.data,
    facts: {
      ...base.data.facts,
      title: "المشاورات السياسية الثنائية بين باكستان وروسيا، الجولة الخامسة",
      summary: `${"Стороны обсудили широкий круг вопросов. ".repeat(12)}\nhttps://example.org/${"a".repeat(90)}/x.pdf\n${urdu.repeat(6)}`,
      context: urdu.repeat(2),
    },
  },
};
const requests: [string, RenderRequest][] = [
  ["briefing note", { template: "briefing-note", paper: "A4", briefings: [base] }],
  ["one-page summary", { template: "one-page", paper: "LETTER", briefings: [base] }],
  ["public readout", { template: "public-readout", paper: "A4", briefings: [base] }],
  ["note in three scripts", { template: "briefing-note", paper: "A4", briefings: [mixed] }],
  [
    "briefing book",
    {
      template: "briefing-book",
      paper: "A4",
      briefings: [base, mixed],
      book: { title: "Book", subtitle: "Two records", reference: "READOUT/BOOK/T" },
    },
  ],
];

describe("kept text layouts", () => {
  it("is what the font store carries once the fonts are registered", () => {
    expect(typeof installed?.get).toBe("function");
    const before = { ...textLayoutCounts };
    const cache = textLayoutCache();
    expect(cache.get("no such text")).toBeUndefined();
    expect(textLayoutCounts.laidOut).toBe(before.laidOut + 1);
  });

  it("keeps a text's lines the second time it is laid out, not the first", () => {
    const cache = textLayoutCache();
    const key = `a text laid out once ${Math.random()}`;
    const lines = [{ runs: [{ glyphs: [1, 2, 3] }] }];
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, lines);
    expect(cache.get(key), "kept after the first layout").toBeUndefined();
    cache.set(key, lines);
    expect(cache.get(key)).toBe(lines);
    // Another text seen once in between is not kept either.
    cache.set(`${key} and another`, lines);
    expect(cache.get(`${key} and another`)).toBeUndefined();
    // A key longer than the bound on remembered keys is never remembered, so never kept.
    const huge = `${key}${"x".repeat(1_000_001)}`;
    for (let i = 0; i < 3; i++) cache.set(huge, lines);
    expect(cache.get(huge)).toBeUndefined();
    expect(cache.get(key), "the text kept before is still kept").toBe(lines);
  });

  it.each(requests)("prints a %s as laying it out afresh does, and never changes kept lines", async (_, req) => {
    store.textLayoutCache = undefined;
    const fresh = Buffer.from(await renderPdf(req));
    const cache = freezingCache();
    store.textLayoutCache = cache;
    const first = Buffer.from(await renderPdf(req));
    expect(cache.size()).toBeGreaterThan(5);
    const hitsBefore = cache.hits();
    const again = Buffer.from(await renderPdf(req));
    // The second render takes every text from the cache.
    expect(cache.hits() - hitsBefore).toBeGreaterThanOrEqual(cache.size());
    expect(first.equals(fresh)).toBe(true);
    expect(again.equals(fresh)).toBe(true);
  });

  it("keeps texts apart that differ only in their box or their attributes", async () => {
    const words = "The two sides agreed to hold the sixth round in Moscow in 2024 on dates to be agreed.";
    const variants: [string, Styles[string], number][] = [
      ["plain", {}, 150],
      ["wider box", {}, 260],
      ["bold", { fontWeight: 700 }, 150],
      ["coloured", { color: "#a00000" }, 150],
      ["spaced", { letterSpacing: 1 }, 150],
      ["larger", { fontSize: 13 }, 150],
      ["one line", { maxLines: 1, textOverflow: "ellipsis" }, 150],
      ["justified", { textAlign: "justify" }, 150],
      ["right-aligned", { textAlign: "right" }, 150],
      ["underlined", { textDecoration: "underline" }, 150],
      ["taller lines", { lineHeight: 2 }, 150],
    ];
    // Text's typings offer its SVG overload to createElement; this is the page's Text.
    const PageText = Text as ComponentType<TextProps & { children?: ReactNode }>;
    const doc = (style: Styles[string], width: number): ReactElement =>
      h(
        Document,
        { creationDate: new Date("2024-01-01T00:00:00Z"), producer: "test", creator: "test" },
        h(
          Page,
          { size: "A4", style: { padding: 40, fontFamily: BODY_FONT, fontSize: 10 } },
          h(View, { style: { width } }, h(PageText, { style }, words)),
          h(View, { style: { width } }, h(PageText, { style }, words, h(PageText, { style: { fontWeight: 700 } }, " Nested."))),
          h(View, { style: { width } }, h(PageText, { style }, words, h(Link, { src: "https://example.org/" }, " A link."))),
        ),
      );
    store.textLayoutCache = undefined;
    const fresh: Buffer[] = [];
    for (const [, style, width] of variants) fresh.push(await renderToBuffer(doc(style, width) as never));
    // A document with the same content renders to the same bytes (else the comparison says nothing).
    expect((await renderToBuffer(doc({}, 150) as never)).equals(fresh[0] as Buffer)).toBe(true);
    expect(new Set(fresh.map((b) => b.toString("base64"))).size).toBe(variants.length);
    const cache = freezingCache();
    store.textLayoutCache = cache;
    for (const [i, [name, style, width]] of variants.entries()) {
      const cached = await renderToBuffer(doc(style, width) as never);
      expect(cached.equals(fresh[i] as Buffer), name).toBe(true);
    }
    expect(cache.size()).toBe(variants.length * 3);
  });
});
