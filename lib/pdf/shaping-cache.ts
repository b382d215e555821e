import { create, type Font } from "fontkit";
import { readFileSync } from "node:fs";
import { LRUCache } from "lru-cache";

/**
 * react-pdf shapes every text run with fontkit's OpenType engine (GSUB/GPOS lookups), which is
 * about a quarter of a render's CPU time (profile: docs/decisions/0009). A briefing repeats the
 * same runs (labels, names, headings; the unchanged paragraphs of a new version), so shaping
 * results are remembered per font, bounded by an LRU (by size). Each caller gets its own copy
 * of the glyph array and the positions: react-pdf may replace glyphs (inline attachments) and
 * pdfkit scales positions in place.
 */
type Layout = Font["layout"];
type GlyphRun = ReturnType<Layout>;

/** Characters of shaped text kept per font (a run's glyphs and positions: ~100 bytes each). */
const MAX_CHARS_PER_FONT = 400_000;
let installed = false;

export function installShapingCache(sampleFontFile: string): void {
  if (installed) return;
  // The prototype every TrueType font shares (the fontkit instance react-pdf uses: one copy in node_modules).
  const proto = Object.getPrototypeOf(create(readFileSync(sampleFontFile)) as object) as {
    layout: Layout;
  };
  const original = proto.layout;
  const caches = new WeakMap<object, LRUCache<string, GlyphRun>>();
  proto.layout = function cachedLayout(
    this: Font,
    text: string,
    features?: unknown,
    script?: unknown,
    language?: unknown,
    direction?: unknown,
  ) {
    let cache = caches.get(this);
    if (!cache)
      caches.set(this, (cache = new LRUCache<string, GlyphRun>({ maxSize: MAX_CHARS_PER_FONT, sizeCalculation: (r) => Math.max(1, r.glyphs.length) })));
    const key = `${features === undefined ? "" : JSON.stringify(features)}\u0000${String(script)}\u0000${String(language)}\u0000${String(direction)}\u0000${text}`;
    let run = cache.get(key);
    if (!run) {
      run = (original as (...args: unknown[]) => GlyphRun).call(
        this,
        text,
        features,
        script,
        language,
        direction,
      );
      cache.set(key, run);
    }
    // Copies of the glyph array and the positions: react-pdf may replace glyphs (inline
    // attachments) and pdfkit scales positions in place.
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, {
      glyphs: run.glyphs.slice(),
      positions: run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p)),
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
