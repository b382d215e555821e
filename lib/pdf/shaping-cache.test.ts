import { readFileSync } from "node:fs";
import path from "node:path";
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { BODY_FONT_FILE, FACE_FILES } from "@/lib/pdf/fonts";
import {
  byWords,
  installShapingCache,
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

  // Splitting is only right if no lookup of a face reaches across a space: no kerning between a
  // space and its neighbours, no ligature or contextual substitution over it. Every character of
  // every face (and the Latin, Cyrillic and punctuation blocks) is shaped beside a space both
  // ways, and whole sentences, word by word (byWords, each word shaped on its own with the run's
  // script) and whole; the faces where they always agree must be exactly WORD_SHAPED_FACES.
  it.each(FACE_FILES.map((f) => [path.basename(f), f]))(
    "word-shapes %s only if that gives the whole run's glyphs",
    (_, file) => {
      const font = create(readFileSync(file)) as Font;
      const blocks = [
        [0x21, 0x36f],
        [0x400, 0x52f],
        [0x1e00, 0x1eff],
        [0x2000, 0x206f],
        [0x20a0, 0x20c0],
        [0xfe00, 0xfe0f],
      ].flatMap(([from, to]) =>
        Array.from(
          { length: (to as number) - (from as number) + 1 },
          (_, i) => (from as number) + i,
        ),
      );
      const chars = [...new Set([...font.characterSet, ...blocks])].filter(
        (cp) => cp !== 0x20 && (cp < 0xd800 || cp > 0xdfff),
      );
      // Contextual lookups can look further than the next glyph: every pair of letters, figures
      // and punctuation of ASCII and basic Cyrillic around a space, too.
      const common = [
        ...Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)),
        ...Array.from({ length: 0x44f - 0x410 + 1 }, (_, i) => String.fromCharCode(0x410 + i)),
      ];
      const texts = [
        ...chars.map((cp) => `${String.fromCodePoint(cp)} ${String.fromCodePoint(cp)}`),
        ...common.flatMap((a) => common.map((b) => `${a} ${b}`)),
        ...sentences,
      ];
      const differ: string[] = [];
      let split = 0;
      for (const text of texts) {
        const tag = wordScript(text);
        if (!tag) continue;
        split++;
        // With its script given, a run is shaped whole, as fontkit shapes it.
        const whole = font.layout(text, undefined, tag, undefined, "ltr");
        const words = byWords(text, (word) => font.layout(word, undefined, tag, undefined, "ltr"));
        // fontkit's own choice of script (a right-to-left run is never split).
        const detected = font.layout(text, undefined, undefined, undefined, "rtl").script;
        if (detected !== tag || shaped(words).join(" ") !== shaped(whole).join(" "))
          differ.push(`${JSON.stringify(text)} (${tag}, fontkit: ${detected})`);
      }
      expect(split, "runs shaped word by word").toBeGreaterThan(1000);
      if (WORD_SHAPED_FACES.has(font.postscriptName)) {
        expect(differ).toEqual([]);
        // And as react-pdf asks for them (no script: the cache splits them), the sentences come
        // out as shaped whole.
        for (const text of sentences) {
          const tag = wordScript(text);
          if (tag)
            expect(shaped(font.layout(text, undefined, undefined, undefined, "ltr"))).toEqual(
              shaped(font.layout(text, undefined, tag, undefined, "ltr")),
            );
        }
      } else
        expect(
          differ.length,
          `${font.postscriptName} is not word-shaped: it should be, if nothing differs`,
        ).toBeGreaterThan(0);
    },
  );
});
