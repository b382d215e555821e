import { expect, type Locator, type Page } from "@playwright/test";

/** Creates a round in a new series of its own through the form; ends in the editor. */
export async function createRecord(page: Page, title: string, options: { classification?: string; date?: string; city?: string } = {}) {
  await page.goto("/consultations/new");
  await page.getByLabel("Series", { exact: true }).selectOption("new");
  await page.getByLabel("Series name").fill(`${title} series`);
  await page.getByLabel("Format").selectOption("BILATERAL_POLITICAL_CONSULTATIONS");
  await page.getByLabel("Counterpart country").selectOption("RU");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Round number").fill("5");
  await page.getByLabel("Start date").fill(options.date ?? "2023-06-20");
  await page.getByLabel("City").fill(options.city ?? "Islamabad");
  if (options.classification) await page.getByLabel("Classification").selectOption(options.classification);
  await page.getByRole("button", { name: "Create consultation" }).click();
  await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]+\/edit$/);
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  return page.url().replace(/\/edit$/, "");
}

export function row(page: Page, name: string): Locator {
  return page.getByRole("group", { name, exact: true });
}

export async function save(page: Page, version: number) {
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved as version ${version}` })).toBeVisible();
}
