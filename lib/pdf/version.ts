// Part of every PDF cache key: bump it whenever a template or the markings change, so that no
// stale PDF is served after a deploy (or when the bytes change: readout-pdf-11 numbers the glyphs
// of each font subset in glyph order; readout-pdf-12 writes the markings' operators itself).
export const RENDERER_VERSION = "readout-pdf-12 react-pdf-4.9.0 pdf-lib-1.17.1";
