import path from "node:path";
import { Font } from "@react-pdf/renderer";
import { installShapingCache } from "@/lib/pdf/shaping-cache";
import { textLayoutCache } from "@/lib/pdf/text-layout-cache";

// Registered once per process: re-registering on every render costs ~40% (shared/notes).
let registered = false;

function fontFile(pkg: string, file: string): string {
  return path.join(process.cwd(), "node_modules", "@expo-google-fonts", pkg, file);
}

export const BODY_FONT = "Noto Sans";
/** The body face's file (also embedded by pdf-lib for the markings: markings.ts). */
export const BODY_FONT_FILE = fontFile("noto-sans", "400Regular/NotoSans_400Regular.ttf");
/** The bold face's file (also embedded by pdf-lib for the markings: markings.ts). */
export const BOLD_FONT_FILE = fontFile("noto-sans", "700Bold/NotoSans_700Bold.ttf");
const ITALIC_FONT_FILE = fontFile("noto-sans", "400Regular_Italic/NotoSans_400Regular_Italic.ttf");
export const ARABIC_FONT = "Noto Naskh Arabic";
/**
 * For what Noto Sans lacks and staff type: ✓ ✗ ★ ☐ ■ ● ◆ ► (Symbols 2), arrows and ≤ ≥ ≈ ≠ ∞
 * (Math). Last in the stack, so a character is taken from them only when the body's faces have
 * none; one weight each (bold text draws them regular).
 */
export const SYMBOLS_FONT = "Noto Sans Symbols 2";
export const MATH_FONT = "Noto Sans Math";
const ARABIC_FONT_FILE = fontFile("noto-naskh-arabic", "400Regular/NotoNaskhArabic_400Regular.ttf");
const SYMBOLS_FONT_FILE = fontFile("noto-sans-symbols-2", "400Regular/NotoSansSymbols2_400Regular.ttf");
const MATH_FONT_FILE = fontFile("noto-sans-math", "400Regular/NotoSansMath_400Regular.ttf");
const ARABIC_BOLD_FONT_FILE = fontFile("noto-naskh-arabic", "700Bold/NotoNaskhArabic_700Bold.ttf");
/** Every face registered below (shaping-cache.test.ts finds the faces it checks here). */
export const FACE_FILES = [
  BODY_FONT_FILE,
  ITALIC_FONT_FILE,
  BOLD_FONT_FILE,
  ARABIC_FONT_FILE,
  ARABIC_BOLD_FONT_FILE,
  SYMBOLS_FONT_FILE,
  MATH_FONT_FILE,
];
/** The page's font stack: each character in the first that has it (textkit's font substitution). */
export const FONT_STACK = [BODY_FONT, ARABIC_FONT, SYMBOLS_FONT, MATH_FONT];
/** The regular faces of FONT_STACK's families, in its order (book-front.tsx measures titles with them). */
export const FONT_STACK_FILES = [BODY_FONT_FILE, ARABIC_FONT_FILE, SYMBOLS_FONT_FILE, MATH_FONT_FILE];

export function registerFonts(): void {
  if (registered) return;
  installShapingCache(BODY_FONT_FILE);
  // Read by the patched layout engine (patches/@react-pdf+layout+5.2.0.patch, layoutText).
  (Font as unknown as { textLayoutCache: unknown }).textLayoutCache = textLayoutCache();
  Font.register({
    family: BODY_FONT,
    fonts: [
      { src: BODY_FONT_FILE, fontWeight: 400 },
      { src: ITALIC_FONT_FILE, fontWeight: 400, fontStyle: "italic" },
      { src: BOLD_FONT_FILE, fontWeight: 700 },
    ],
  });
  Font.register({
    family: ARABIC_FONT,
    fonts: [
      { src: ARABIC_FONT_FILE, fontWeight: 400 },
      { src: ARABIC_BOLD_FONT_FILE, fontWeight: 700 },
    ],
  });
  // One face each, for every weight (no template sets italic: Noto Naskh Arabic has none either).
  Font.register({ family: SYMBOLS_FONT, fonts: [{ src: SYMBOLS_FONT_FILE, fontWeight: 400 }] });
  Font.register({ family: MATH_FONT, fonts: [{ src: MATH_FONT_FILE, fontWeight: 400 }] });
  // Briefings are not hyphenated. A long token carries hair spaces (pdfText in briefing.ts):
  // returned as parts of their own they become line-break opportunities without a hyphen.
  Font.registerHyphenationCallback((word) =>
    word.includes("\u200A") ? word.split(/(\u200A)/).filter(Boolean) : [word],
  );
  registered = true;
}
