import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { renderPdf } from "@/lib/pdf/render";
import { sampleBriefing } from "@/lib/pdf/warm-up";
import type { Template } from "@/lib/pdf/briefing";

// Page 1 of each template, rasterised by poppler's pdftoppm and compared with a committed
// baseline. A deliberate layout change: UPDATE_PDF_BASELINES=1 npm test -- unit, then look at
// the new PNGs before committing them.
const BASELINES = path.join(import.meta.dirname, "__baselines__");
const TOLERANCE = 0.005; // share of pixels allowed to differ (font hinting, anti-aliasing)

function rasterise(pdf: Uint8Array): PNG {
  const dir = mkdtempSync(path.join(tmpdir(), "readout-visual-"));
  writeFileSync(path.join(dir, "in.pdf"), pdf);
  execFileSync("pdftoppm", [
    "-png",
    "-r",
    "50",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    path.join(dir, "in.pdf"),
    path.join(dir, "page"),
  ]);
  return PNG.sync.read(readFileSync(path.join(dir, "page.png")));
}

describe("visual baselines (page 1)", () => {
  it.each(["briefing-note", "one-page", "public-readout", "briefing-book"] as Template[])(
    "%s looks as it did",
    async (template) => {
      const pdf = await renderPdf({
        template,
        paper: "A4",
        briefings: [sampleBriefing()],
        book: {
          title: "Pakistan–Russia Bilateral Political Consultations",
          subtitle: "1 round",
          reference: "READOUT/BOOK/VISUAL",
        },
      });
      const actual = rasterise(pdf);
      const file = path.join(BASELINES, `${template}.png`);
      mkdirSync("test-results", { recursive: true });
      writeFileSync(path.join("test-results", `visual-${template}.png`), PNG.sync.write(actual));
      if (process.env.UPDATE_PDF_BASELINES === "1" || !existsSync(file)) {
        if (process.env.CI)
          throw new Error(
            `no baseline for ${template}: run UPDATE_PDF_BASELINES=1 locally and commit it`,
          );
        copyFileSync(path.join("test-results", `visual-${template}.png`), file);
      }
      const expected = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const changed = pixelmatch(
        actual.data,
        expected.data,
        diff.data,
        actual.width,
        actual.height,
        { threshold: 0.1 },
      );
      writeFileSync(path.join("test-results", `visual-${template}-diff.png`), PNG.sync.write(diff));
      expect(
        changed / (actual.width * actual.height),
        `${changed} pixels differ; see test-results/visual-${template}-diff.png`,
      ).toBeLessThan(TOLERANCE);
    },
  );
});
