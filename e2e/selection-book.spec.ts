import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { pdfPageTexts } from "../lib/testing/pdf-text";
import { queryOne } from "./db";
import { expectAccessible, signIn } from "./fixtures";
import { createRecord } from "./helpers";

test("a drafter ticks consultations of two series in the list and downloads them as one briefing book", async ({ page }) => {
  const tag = `Selbook${Date.now()}`;
  const later = `${tag} later round`;
  const earlier = `${tag} earlier round`;
  await signIn(page, "drafter");
  const laterUrl = await createRecord(page, later, { classification: "RESTRICTED", date: "2024-04-10" });
  await createRecord(page, earlier, { date: "2022-11-03" });

  await page.goto(`/consultations?q=${tag}`);
  const bar = page.getByRole("region", { name: "Briefing book of chosen consultations" });
  const download = bar.getByRole("button", { name: "Download briefing book" });
  await expect(bar).toContainText("Tick consultations on this page to put them in one briefing book.");
  await expect(download).toBeDisabled();
  await page.getByRole("checkbox", { name: `Choose “${later}” for a briefing book` }).check();
  await expect(bar).toContainText("1 consultation chosen for a briefing book, in date order.");
  const every = page.getByRole("checkbox", { name: "Choose every consultation on this page for a briefing book" });
  await expect(every).toHaveJSProperty("indeterminate", true);
  await every.check();
  await expect(bar).toContainText("2 consultations chosen");
  await expectAccessible(page);

  await bar.getByLabel("Paper").selectOption("LETTER");
  const downloading = page.waitForEvent("download");
  await download.click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe("2022-11-03 to 2024-04-10 2 consultations — briefing book.pdf");
  const pages = await pdfPageTexts(await readFile(await file.path()));
  const contents = pages[1] ?? "";
  expect(contents).toContain("Contents");
  expect(contents.indexOf(earlier)).toBeGreaterThan(-1);
  expect(contents.indexOf(earlier)).toBeLessThan(contents.indexOf(later));
  expect(pages.every((p) => /RESTRICTED.*RESTRICTED/s.test(p) && /Page \d+ of \d+/.test(p))).toBe(true);

  // Reclassified above the drafter's clearance meanwhile: the bar says so; nothing is downloaded.
  const id = laterUrl.split("/").at(-1);
  await queryOne(`UPDATE "Consultation" SET classification = 'SECRET' WHERE id = $1 RETURNING id`, [id]);
  await download.click();
  await expect(bar.getByRole("alert")).toHaveText(
    "One of the chosen consultations is not available to you. Reload the list and choose again.",
  );
  const clear = bar.getByRole("button", { name: "Clear" });
  await clear.click();
  await expect(download).toBeDisabled();
  // The refusal was about that choice; the keyboard focus stays where it was.
  await expect(bar.getByRole("alert")).toHaveCount(0);
  await expect(clear).toBeFocused();
});
