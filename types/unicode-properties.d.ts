declare module "unicode-properties" {
  /** The Unicode script of a code point ("Latin", "Cyrillic", "Common", "Inherited", …): fontkit's source for script detection. */
  export function getScript(codePoint: number): string;
}
