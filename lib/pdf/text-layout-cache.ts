import { LRUCache } from "lru-cache";

/**
 * A text's lines, laid out by textkit (font substitution, bidi, shaping, line breaking,
 * justification), are a pure function of its fragments (strings and attributes, fonts by
 * identity), its box's width and height and the layout options. A briefing repeats most of its
 * texts: every label and heading, and each unchanged paragraph of a new version. The patched
 * layout engine (`patches/@react-pdf+layout+5.2.0.patch`, `layoutText`) takes a text's lines from
 * the cache the font store carries, `textLayoutCache`, when it holds them (decision 0009 item 19).
 *
 * A text's lines are kept the second time it is laid out, not the first: a briefing's labels and
 * headings come back within a render or the next, but most paragraphs of a new version are laid
 * out once (its note's pre-render; the book then takes its kept part). Kept at once, they filled
 * the renderers' heaps with lines never asked for again, and the garbage collection that cost,
 * on two processes sharing two cores, made books of new text ~5 % slower (decision 0009 item 38).
 * Until then only the key is remembered.
 *
 * The lines are shared, not copied: nothing after textkit changes a line (pagination slices the
 * array of lines, drawing copies a run's glyphs before it alters them).
 * `text-layout-cache.test.ts` lays out every template with the cached lines frozen, so that a
 * change to them throws.
 */
interface Line {
  runs: { glyphs?: unknown[] }[];
}
type Lines = Line[];

/**
 * Counted in glyphs plus OVERHEAD a text (its lines, runs and attributes) and a unit per 64
 * characters of its key. Full, it held ~30 MB of heap (400 parts of new text, heap after GC with
 * it full and cleared): ~150 bytes a glyph with everything around it.
 */
const MAX_GLYPHS = 200_000;
const OVERHEAD = 40;
/** Keys of texts laid out once, in characters (~2 bytes each): 2 MB at most. */
const MAX_SEEN_CHARS = 1_000_000;

function glyphCount(lines: Lines): number {
  let n = 0;
  for (const line of lines) for (const run of line.runs) n += run.glyphs?.length ?? 0;
  return n;
}

/** Texts laid out so far (misses) and taken from the cache (hits); tests read them. */
export const textLayoutCounts = { laidOut: 0, kept: 0 };

export interface TextLayoutCache {
  get(key: string): Lines | undefined;
  set(key: string, lines: Lines): void;
}

let cache: LRUCache<string, Lines> | null = null;
let seen: LRUCache<string, true> | null = null;

/** A cache for the font store's `textLayoutCache` (one per process; registerFonts installs it). */
export function textLayoutCache(): TextLayoutCache {
  cache ??= new LRUCache<string, Lines>({
    maxSize: MAX_GLYPHS,
    sizeCalculation: (lines, key) => glyphCount(lines) + OVERHEAD + Math.ceil(key.length / 64),
  });
  seen ??= new LRUCache<string, true>({ maxSize: MAX_SEEN_CHARS, sizeCalculation: (_, key) => key.length + 1 });
  const lru = cache;
  const once = seen;
  return {
    get(key) {
      const lines = lru.get(key);
      if (lines) textLayoutCounts.kept++;
      else textLayoutCounts.laidOut++;
      return lines;
    },
    set(key, lines) {
      // Laid out for the first time: remembered, not kept (a key longer than the whole bound,
      // which LRUCache would refuse, is simply never kept).
      if (!once.delete(key)) {
        once.set(key, true);
        return;
      }
      lru.set(key, lines);
    },
  };
}
