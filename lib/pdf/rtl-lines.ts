import path from "node:path";
import { readFileSync } from "node:fs";
import { create, type Font } from "fontkit";

/**
 * react-pdf wraps a right-to-left paragraph into lines wider than their box (they run past the
 * margin: diegomura/react-pdf #1394, #3007 and our own test). So a right-to-left paragraph is
 * broken into lines here, each measured as react-pdf will draw it (a run per font, Noto Sans
 * first and Noto Naskh Arabic for what it lacks, as the page's fontFamily says), with a little
 * slack, and every line is laid out on its own, where react-pdf places it correctly.
 */
const SLACK = 0.96;

let fonts: { sans: Font; arabic: Font; sansBold: Font; arabicBold: Font } | null = null;

/** The body and Arabic faces, parsed once per process (also measured by book-front.tsx). */
export function load(): NonNullable<typeof fonts> {
  if (fonts) return fonts;
  const file = (pkg: string, f: string) =>
    readFileSync(path.join(process.cwd(), "node_modules", "@expo-google-fonts", pkg, f));
  fonts = {
    sans: create(file("noto-sans", "400Regular/NotoSans_400Regular.ttf")) as Font,
    arabic: create(file("noto-naskh-arabic", "400Regular/NotoNaskhArabic_400Regular.ttf")) as Font,
    sansBold: create(file("noto-sans", "700Bold/NotoSans_700Bold.ttf")) as Font,
    arabicBold: create(file("noto-naskh-arabic", "700Bold/NotoNaskhArabic_700Bold.ttf")) as Font,
  };
  return fonts;
}

/** Width in points of `text` at `size`, shaped run by run as react-pdf shapes it. */
export function textWidth(text: string, size: number, bold = false): number {
  const f = load();
  const [sans, arabic] = bold ? [f.sansBold, f.arabicBold] : [f.sans, f.arabic];
  let total = 0;
  let run = "";
  let font: Font | null = null;
  const flush = () => {
    if (run && font) total += (font.layout(run).advanceWidth / font.unitsPerEm) * size;
    run = "";
  };
  for (const ch of text) {
    const next = sans.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0) ? sans : arabic;
    if (next !== font) {
      flush();
      font = next;
    }
    run += ch;
  }
  flush();
  return total;
}

/** Greedy line breaking at spaces; a word wider than the line gets a line of its own. */
export function breakLines(text: string, width: number, size: number, bold = false): string[] {
  const limit = width * SLACK;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidth(candidate, size, bold) > limit) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
