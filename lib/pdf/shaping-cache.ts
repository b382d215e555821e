import { create, type Font } from "fontkit";
import { readFileSync } from "node:fs";
import { LRUCache } from "lru-cache";
import { getScript } from "unicode-properties";

/**
 * react-pdf shapes every text run with fontkit's OpenType engine (GSUB/GPOS lookups), which is
 * about a quarter of a render's CPU time (profile: docs/decisions/0009). A briefing repeats the
 * same runs (labels, names, headings; the unchanged paragraphs of a new version), so shaping
 * results are remembered per font, bounded by an LRU (by size). Each caller gets its own copy
 * of the glyph array and the positions: react-pdf may replace glyphs (inline attachments) and
 * pdfkit scales positions in place.
 *
 * A run is shaped word by word, each word from the cache (as Chromium's shaper caches words),
 * where that gives what shaping the whole run gives (`wordScript`); other runs are kept whole.
 * A run assembled from its words is not kept whole as well: a text reaches shaping at most twice
 * (lib/pdf/text-layout-cache.ts keeps its lines from its second layout on), so keeping every run
 * of new text cost more (a key the length of the paragraph, a copy to keep) than it saved
 * (decision 0009, items 37 and 38).
 */
type Layout = Font["layout"];
type GlyphRun = ReturnType<Layout>;

/**
 * The faces whose shaping never reaches across a space, so that their runs are shaped word by word
 * (`wordScript`); `shaping-cache.test.ts` checks them character by character. They are the faces
 * that set spaces: textkit gives a space to the first face of the stack that has one (Noto Sans).
 * Noto Sans Italic kerns the space before some Cyrillic letters (no template sets italic), and
 * Noto Sans Symbols 2 joins a combining keycap and the space after it into one glyph.
 */
export const WORD_SHAPED_FACES = new Set(["NotoSans-Regular", "NotoSans-Bold"]);

/**
 * Runs shaped whole, kept per font, counted in glyphs (a glyph and its position: ~80 bytes in a
 * long run, with the run's own fields) plus OVERHEAD a run: ~20–40 MB at most a face. The words
 * that other runs are assembled from are kept apart (MAX_WORD_GLYPHS for each way of shaping
 * them, WORD_CACHES_PER_FONT of them).
 */
const MAX_GLYPHS_PER_FONT = 250_000;
/** Words kept for one way of shaping them (a face's features, language, direction and script): ~10 MB at most… */
const MAX_WORD_GLYPHS = 100_000;
/** …for at most this many ways a face (in practice one or two: Latin and Cyrillic). */
const WORD_CACHES_PER_FONT = 4;
const OVERHEAD = 8;
/** Encoded font subsets kept, compressed (a Noto Sans subset of a briefing: ~10–20 KB). */
const SUBSET_CACHE_BYTES = 8 * 2 ** 20;
let installed = false;

/** Runs shaped so far: whole (cache misses), and assembled word by word (every one); tests read them. */
export const shapingCounts = { whole: 0, byWords: 0 };

export function installShapingCache(sampleFontFile: string): void {
  if (installed) return;
  // The prototype every TrueType font shares (the fontkit instance react-pdf uses: one copy in node_modules).
  const proto = Object.getPrototypeOf(create(readFileSync(sampleFontFile)) as object) as {
    layout: Layout;
  };
  const original = proto.layout;
  const fonts = new WeakMap<object, { cache: LRUCache<string, GlyphRun>; words: LRUCache<string, LRUCache<string, GlyphRun>>; byWords: boolean }>();
  const stateOf = (font: Font) => {
    let state = fonts.get(font);
    if (!state)
      fonts.set(font, (state = {
        cache: new LRUCache<string, GlyphRun>({ maxSize: MAX_GLYPHS_PER_FONT, sizeCalculation: (r) => r.glyphs.length + OVERHEAD }),
        words: new LRUCache<string, LRUCache<string, GlyphRun>>({ max: WORD_CACHES_PER_FONT }),
        byWords: WORD_SHAPED_FACES.has(font.postscriptName),
      }));
    return state;
  };
  /** The words shaped with one set of features, language, direction and script, kept by the word alone. */
  const wordsOf = (font: Font, shaping: string) => {
    const { words } = stateOf(font);
    let cache = words.get(shaping);
    if (!cache)
      words.set(shaping, (cache = new LRUCache<string, GlyphRun>({ maxSize: MAX_WORD_GLYPHS, sizeCalculation: (r) => r.glyphs.length + OVERHEAD })));
    return cache;
  };
  /** The run kept under `key`, else `make`'s, kept. */
  const kept = (font: Font, key: string, make: () => GlyphRun): GlyphRun => {
    const { cache } = stateOf(font);
    let run = cache.get(key);
    if (!run) cache.set(key, (run = make()));
    return run;
  };
  proto.layout = function cachedLayout(
    this: Font,
    text: string,
    features?: unknown,
    script?: unknown,
    language?: unknown,
    direction?: unknown,
  ) {
    const prefix = `${features === undefined ? "" : JSON.stringify(features)}\u0000${String(language)}\u0000${String(direction)}\u0000`;
    const shape = (text: string, script: unknown) => (original as (...a: unknown[]) => GlyphRun).call(this, text, features, script, language, direction);
    const tag = script === undefined && direction === "ltr" && stateOf(this).byWords ? wordScript(text) : null;
    if (tag) {
      shapingCounts.byWords++;
      // Each word with the run's script, kept by the word alone in a cache of its own for the
      // run's features, language, direction and script: a key made for each word cost more than
      // the lookup (0.973–0.990 of a part of new text without it).
      const words = wordsOf(this, `${prefix}${tag}`);
      // Its own glyph array and positions (pdfkit scales positions in place); the glyphs are the words'.
      return byWords(text, (word) => {
        let run = words.get(word);
        if (!run) words.set(word, (run = shape(word, tag)));
        return run;
      });
    }
    const run = kept(this, `${prefix}${String(script)}\u0000${text}`, () => {
      shapingCounts.whole++;
      return shape(text, script);
    });
    // Copies of the glyph array and the positions: react-pdf may replace glyphs (inline
    // attachments) and pdfkit scales positions in place.
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, {
      glyphs: run.glyphs.slice(),
      positions: run.positions.map(copyPosition),
    });
  } as Layout;
  // Asked for every character of every run (font fallback) and every glyph: answered once per font.
  const hasGlyph = (proto as unknown as { hasGlyphForCodePoint: (cp: number) => boolean })
    .hasGlyphForCodePoint;
  const coverage = new WeakMap<object, Map<number, boolean>>();
  (proto as unknown as { hasGlyphForCodePoint: (cp: number) => boolean }).hasGlyphForCodePoint =
    function cachedHasGlyph(this: object, cp: number) {
      let known = coverage.get(this);
      if (!known) coverage.set(this, (known = new Map()));
      let answer = known.get(cp);
      if (answer === undefined) known.set(cp, (answer = hasGlyph.call(this, cp)));
      return answer;
    };
  // Font subsets as pdfkit embeds them, encoded and compressed, for the next document that draws
  // the same glyphs of the same face (patches/pdfkit+0.20.1.patch `embed`; the render patch puts
  // a document's glyphs in the subset in glyph order, so that this is the common case).
  Object.defineProperty(proto, "readoutSubsetCache", {
    value: new LRUCache<string, { tag: string; deflated: Uint8Array }>({
      maxSize: SUBSET_CACHE_BYTES,
      sizeCalculation: (kept) => kept.deflated.byteLength,
    }),
  });
  const unitsPerEm = Object.getOwnPropertyDescriptor(proto, "unitsPerEm")?.get;
  if (unitsPerEm) {
    Object.defineProperty(proto, "unitsPerEm", {
      configurable: true,
      get(this: object) {
        const value = unitsPerEm.call(this) as number;
        Object.defineProperty(this, "unitsPerEm", { value });
        return value;
      },
    });
  }
  installed = true;
}

/**
 * The script fontkit would shape `text` with, when shaping it word by word gives the glyphs and
 * positions that shaping it whole gives; otherwise null. fontkit shapes a run with the script of
 * its first character that has one (unicode-properties' `getScript`, as fontkit does), so each
 * word is shaped with that script, not its own. Only Latin and Cyrillic runs, and runs of no
 * script (figures, punctuation), are split, and only in WORD_SHAPED_FACES, where kerning,
 * ligatures and marks stay within a word. Arabic and every other script are shaped whole. A
 * space followed by a combining mark or a format character (a variation selector is a mark)
 * keeps its run whole: the mark belongs to the space.
 */
export function wordScript(text: string): "latn" | "cyrl" | "zzzz" | null {
  if (!text.includes(" ") || AFTER_SPACE.test(text)) return null;
  for (const ch of text) {
    const script = getScript(ch.codePointAt(0) as number);
    if (script === "Common" || script === "Inherited" || script === "Unknown") continue;
    return script === "Latin" ? "latn" : script === "Cyrillic" ? "cyrl" : null;
  }
  return "zzzz";
}
const AFTER_SPACE = / [\p{M}\p{Cf}]/u;

/**
 * A copy of a glyph position: its four fields, as an object literal (fontkit's GlyphPosition has
 * no methods, and the attachments GPOS notes on it are fontkit's own, used within its layout).
 * Copying through Object.create and Object.assign took ~13 times as long: ~1–2 % of a part.
 */
function copyPosition<P extends { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>(p: P): P {
  return { xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset } as P;
}

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type Run = { glyphs: unknown[]; positions: Position[] };
/**
 * A run assembled from its words' runs and the spaces between them, with its own glyph array and
 * copies of their positions (the glyph objects are shared, as a copy of a whole run shares them).
 */
export function byWords<R extends Run>(text: string, shapeWord: (word: string) => R): R {
  const space = shapeWord(" ");
  const glyphs: unknown[] = [];
  const positions: Position[] = [];
  for (const [i, word] of text.split(" ").entries()) {
    if (i > 0) {
      for (const g of space.glyphs) glyphs.push(g);
      for (const p of space.positions) positions.push(copyPosition(p));
    }
    if (!word) continue;
    const run = shapeWord(word);
    for (const g of run.glyphs) glyphs.push(g);
    for (const p of run.positions) positions.push(copyPosition(p));
  }
  // The run's other fields (script, language, direction, the features applied) are the space's,
  // shaped as every word is (a word that comes to no glyph may have none).
  return Object.assign(Object.create(Object.getPrototypeOf(space) as object) as R, space, { glyphs, positions });
}
