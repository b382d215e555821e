import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { pdfPageTexts } from "../lib/testing/pdf-text";
import { expectAccessible, signIn } from "./fixtures";
import { createRecord } from "./helpers";

test("a drafter creates a consultation, finds it in the list, opens it and downloads its PDF", async ({ page }) => {
  const title = `Pakistan–Russia Bilateral Political Consultations ${Date.now()}`;
  await signIn(page, "drafter");
  await page.getByRole("link", { name: "New consultation" }).click();
  await expect(page.getByRole("heading", { name: "New consultation" })).toBeVisible();
  await expectAccessible(page);
  const recordUrl = await createRecord(page, title, { classification: "RESTRICTED" });

  await page.getByRole("link", { name: "Consultations", exact: true }).click();
  // Other tests' records fill the first pages: find it as a user would, by searching.
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill(title);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const listed = page.getByRole("row").filter({ hasText: title });
  await expect(listed).toContainText("20 June 2023");
  await expect(listed).toContainText("Islamabad");
  await expect(listed).toContainText("Russian Federation");
  await expectAccessible(page);
  await listed.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(recordUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`2023-06-20 ${title} — briefing note v1.pdf`);
  const text = (await pdfPageTexts(await readFile(await download.path()))).join("\n");
  expect(text).toContain(title);
  expect(text).toContain("20 June 2023");
  expect(text).toContain("Islamabad");
  expect(text).toContain("RESTRICTED");
  expect(text).toContain("Page 1 of 1");

  // A repeat download is a cache hit the browser can validate: same ETag, then 304.
  const pdfUrl = `/api/consultations/${recordUrl.split("/").pop()}/pdf`;
  const first = await page.request.get(pdfUrl);
  expect(first.status()).toBe(200);
  const etag = first.headers().etag as string;
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  const again = await page.request.get(pdfUrl, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);

  const onePage = await page.request.get(`${pdfUrl}?template=one-page&paper=LETTER`);
  expect(onePage.headers()["content-type"]).toBe("application/pdf");
  const onePageText = await pdfPageTexts(await onePage.body());
  expect(onePageText).toHaveLength(1);
  expect(onePageText[0]).toContain("RESTRICTED");
  // A draft has no public readout: only approved text goes out marked UNCLASSIFIED.
  expect((await page.request.get(`${pdfUrl}?template=public-readout`)).status()).toBe(409);
  // …so the record page offers no link that would only answer that refusal.
  const menu = page.getByRole("region", { name: "Briefing PDFs" });
  await expect(menu.getByRole("listitem").filter({ hasText: "Public readout" })).toContainText("Once this version is approved");
  await expect(menu.getByRole("link", { name: /Public readout/ })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: /One-page summary/ })).toHaveCount(3);
  await expect(menu.getByRole("link", { name: "Letter download of the Briefing note" })).toHaveAttribute("href", /\?template=briefing-note&paper=LETTER&download=1$/);
  await expect(menu.getByRole("link", { name: "A4 download of the Briefing note" })).toHaveAttribute("href", /\?template=briefing-note&download=1$/);
  expect((await page.request.get(`${pdfUrl}?template=nonsense`)).status()).toBe(422);

  await page.getByRole("link", { name: /series$/ }).click();
  const book = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download briefing book" }).click();
  const bookText = (await pdfPageTexts(await readFile(await (await book).path()))).join("\n");
  expect(bookText).toContain("Contents");
  expect(bookText).toContain(title);
});

test("bad input gets field-level messages, keeps what was typed, and saves nothing", async ({ page }) => {
  const title = `Half-filled ${Date.now()}`;
  await signIn(page, "drafter", "/consultations/new");
  await page.getByLabel("Series", { exact: true }).selectOption("new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("City").fill("Москва");
  await page.getByRole("button", { name: "Create consultation" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
  await expect(page.getByLabel("Start date")).toHaveAccessibleDescription("Enter the start date");
  await expect(page.getByLabel("Series name")).toHaveAccessibleDescription(/Series name is required/);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("City")).toHaveValue("Москва");
  await expectAccessible(page);

  await page.goto("/consultations");
  await expect(page.getByRole("heading", { name: "Consultations", level: 1 })).toBeVisible();
  await expect(page.getByText(title)).toHaveCount(0);
});

test("a viewer may read but is not offered, nor allowed, to create", async ({ page }) => {
  await signIn(page, "viewer", "/consultations");
  await expect(page.getByRole("link", { name: "New consultation" })).toHaveCount(0);
  await page.goto("/consultations/new");
  await expect(page.getByRole("main")).toContainText("may read records but not create them");
});
