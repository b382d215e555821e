import { readFileSync } from "node:fs";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { BODY_FONT_FILE, FACE_FILES } from "@/lib/pdf/fonts";
import {
  byWords,
  installShapingCache,
  shapingCounts,
  WORD_SHAPED_FACES,
  wordScript,
} from "@/lib/pdf/shaping-cache";
import { sampleBriefing } from "@/lib/pdf/warm-up";

installShapingCache(BODY_FONT_FILE);

/** Every string of a value, deeply. */
const strings = (v: unknown): string[] =>
  typeof v === "string"
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(strings)
      : v && typeof v === "object"
        ? Object.values(v).flatMap(strings)
        : [];

const sentences = [
  ...strings(sampleBriefing().data),
  "Стороны обсудили двустороннее сотрудничество, торговлю и энергетику; следующий раунд — в Москве.",
  "The Russian side (Ministry of Foreign Affairs of the Russian Federation) — МИД России — agreed.",
  "2023–2024: 5 rounds, 12 outcomes, 3 open; see https://www.mofa.gov.pk/press-releases/2023/06/x?lang=en",
  "«Кавычки» “quotes” ‘single’ (brackets) [square] {curly} ≤ ≥ ≠ ✓ ★ ► → fi fl ffi ff T. V. A. W. Y. L’",
  "AV Wa To Ty Yo LT P. F, r. y. 1st 2nd 10 000  two  spaces   three   ",
];

/** Glyphs and positions, comparable. */
const shaped = (run: ReturnType<Font["layout"]>) =>
  run.glyphs.map((g, i) => {
    const p = run.positions[i];
    return `${g.id}:${g.codePoints.join(",")}@${p?.xAdvance},${p?.yAdvance},${p?.xOffset},${p?.yOffset}`;
  });

describe("shaping word by word", () => {
  it("chooses the runs it splits as fontkit chooses their script", () => {
    expect(wordScript("The delegations met in Islamabad")).toBe("latn");
    expect(wordScript("2023: Стороны обсудили")).toBe("cyrl");
    expect(wordScript("12 – 14 June")).toBe("latn");
    expect(wordScript("12 – 14")).toBe("zzzz");
    expect(wordScript("Single")).toBeNull();
    expect(wordScript("دونوں فریقوں نے")).toBeNull();
    expect(wordScript("Ελληνικά λόγια")).toBeNull();
    expect(wordScript("a \u0301b")).toBeNull();
    expect(wordScript("a \u200Db")).toBeNull();
  });

  /** Where `text` shapes differently word by word (byWords, each word with the run's script) and whole. */
  const difference = (font: Font, text: string, checkScript = true): string | null => {
    const tag = wordScript(text);
    if (!tag) return null;
    // With its script given, a run is shaped whole, as fontkit shapes it.
    const whole = font.layout(text, undefined, tag, undefined, "ltr");
    const words = byWords(text, (word) => font.layout(word, undefined, tag, undefined, "ltr"));
    // fontkit's own choice of script (a right-to-left run is never split).
    const detected = checkScript
      ? font.layout(text, undefined, undefined, undefined, "rtl").script
      : tag;
    return detected !== tag || shaped(words).join(" ") !== shaped(whole).join(" ")
      ? `${JSON.stringify(text)} (${tag}, fontkit: ${detected})`
      : null;
  };
  const faces = new Map(
    FACE_FILES.map((file) => {
      const font = create(readFileSync(file)) as Font;
      return [font.postscriptName, font];
    }),
  );

  // Splitting is only right if no lookup of a face reaches across a space: no kerning between a
  // space and its neighbours, no ligature or contextual substitution over it. Every character of
  // the face (and of the Latin, Cyrillic and punctuation blocks) is shaped beside a space, on
  // either side and after letters and figures, as is every pair of ASCII and basic Cyrillic
  // characters around a space, and whole sentences: word by word and whole must agree.
  it.each([...WORD_SHAPED_FACES])("word-shapes %s as it shapes whole runs", (name) => {
    const font = faces.get(name) as Font;
    expect(font, `${name} is one of the registered faces`).toBeDefined();
    const blocks = [
      [0x21, 0x36f],
      [0x400, 0x52f],
      [0x1e00, 0x1eff],
      [0x2000, 0x206f],
      [0x20a0, 0x20c0],
      [0xfe00, 0xfe0f],
    ].flatMap(([from, to]) =>
      Array.from({ length: (to as number) - (from as number) + 1 }, (_, i) => (from as number) + i),
    );
    const chars = [...new Set([...font.characterSet, ...blocks])]
      .filter((cp) => cp !== 0x20 && (cp < 0xd800 || cp > 0xdfff))
      .map((cp) => String.fromCodePoint(cp));
    // Contextual lookups can look further than the next glyph.
    const common = [
      ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)),
      ...Array.from({ length: 0x44f - 0x410 + 1 }, (_, i) => String.fromCharCode(0x410 + i)),
    ];
    // fontkit's choice of script is checked on the first set and the sentences (it takes a
    // shaping of its own).
    const texts = [...chars.map((c) => `${c} ${c}`), ...sentences];
    const more = [
      ...chars.flatMap((c) => [`a${c} a`, `a ${c}`, `1${c} 1`, `А${c} Б`]),
      ...common.flatMap((a) => common.map((b) => `${a} ${b}`)),
    ];
    const split = (ts: string[]) => ts.filter((t) => wordScript(t)).length;
    expect(split(texts), "characters beside a space, shaped word by word").toBeGreaterThan(2_000);
    expect(
      split(more.slice(0, 4 * chars.length)),
      "the same after letters and figures",
    ).toBeGreaterThan(8_000);
    expect(
      [
        ...texts.map((t) => difference(font, t)),
        ...more.map((t) => difference(font, t, false)),
      ].filter(Boolean),
    ).toEqual([]);
    // And as react-pdf asks for them (no script), the sentences are shaped word by word by the
    // cache, and come out as shaped whole.
    const before = shapingCounts.byWords;
    let splittable = 0;
    for (const text of new Set(sentences)) {
      const tag = wordScript(text);
      if (!tag) continue;
      splittable++;
      expect(shaped(font.layout(text, undefined, undefined, undefined, "ltr"))).toEqual(
        shaped(font.layout(text, undefined, tag, undefined, "ltr")),
      );
    }
    expect(shapingCounts.byWords - before, "sentences the cache shaped word by word").toBe(
      splittable,
    );
  });

  it("hands out copies: a caller that changes a run changes nobody else's", () => {
    const font = faces.get("NotoSans-Regular") as Font;
    const text = "The delegations reviewed the commitments of the round";
    const word = shaped(font.layout("commitments", undefined, "latn", undefined, "ltr"));
    const first = font.layout(text, undefined, undefined, undefined, "ltr");
    const expected = shaped(first);
    // The space's position appears at every space: a shared object would move them all.
    for (const p of first.positions) p.xAdvance += 100;
    first.glyphs.reverse();
    expect(shaped(font.layout(text, undefined, undefined, undefined, "ltr"))).toEqual(expected);
    expect(shaped(font.layout("commitments", undefined, "latn", undefined, "ltr"))).toEqual(word);
  });

  it("leaves out the faces that shape across a space", () => {
    // Noto Sans Italic kerns the space before ӗ; Noto Sans Symbols 2 joins a combining keycap (or
    // screen) and the space after it into one glyph.
    expect(difference(faces.get("NotoSans-Italic") as Font, "ӗ ӗ")).not.toBeNull();
    expect(difference(faces.get("NotoSansSymbols2-Regular") as Font, "☐\u20E3 ☐")).not.toBeNull();
    expect(difference(faces.get("NotoSansSymbols2-Regular") as Font, "■\u20E2 ■")).not.toBeNull();
    for (const face of ["NotoSans-Italic", "NotoSansSymbols2-Regular"])
      expect(WORD_SHAPED_FACES.has(face)).toBe(false);
    // And the cache shapes them whole: Italic's kerned space comes out as fontkit sets it.
    const italic = faces.get("NotoSans-Italic") as Font;
    const before = shapingCounts.byWords;
    expect(shaped(italic.layout("ӗ ӗ", undefined, undefined, undefined, "ltr"))).toEqual(
      shaped(italic.layout("ӗ ӗ", undefined, "cyrl", undefined, "ltr")),
    );
    expect(shapingCounts.byWords).toBe(before);
  });
});
