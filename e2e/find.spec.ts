import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";
import { createRecord, row, save } from "./helpers";

test("find a record from the dashboard search, open it, and update its commitment from the tracker", async ({ page }) => {
  await signIn(page, "drafter");
  const word = `Zanzibar${Date.now().toString(36)}`;
  const url = await createRecord(page, `Talks on ${word}`);
  await page.getByRole("button", { name: "Add an outcome" }).click();
  await row(page, "Outcome 1").getByLabel("Type").selectOption("COMMITMENT");
  await row(page, "Outcome 1").getByLabel("Text").fill(`Send the ${word} draft to the other side.`);
  await row(page, "Outcome 1").getByLabel("Owner").fill(`Desk ${word}`);
  await save(page, 2);

  // From the dashboard: search, find, open.
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Search consultations" }).fill(word);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`/consultations\\?q=${word}`));
  await expect(page.getByRole("status")).toContainText("1 consultation match");
  const hit = page.getByRole("link", { name: `Talks on ${word}` });
  await expect(hit.locator("mark")).toHaveText(word);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/screens/search.png", fullPage: true });
  await hit.click();
  await expect(page).toHaveURL(url);

  // The tracker: filter by owner, change the status, and the record says so.
  await page.goto(`/commitments?owner=${encodeURIComponent(`Desk ${word}`)}`);
  const table = page.getByRole("table", { name: "Commitments" });
  await expect(table.getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
  await table.getByLabel(/Status of/).selectOption("IN_PROGRESS");
  await table.getByRole("button", { name: "Update" }).click();
  await expect(table.getByRole("status")).toHaveText("Status set to in progress.");
  await expect(table.getByLabel(/Status of/)).toHaveValue("IN_PROGRESS");
  // A second change right after is checked against the new version, not refused as a conflict.
  await table.getByLabel(/Status of/).selectOption("DONE");
  await table.getByRole("button", { name: "Update" }).click();
  await expect(table.getByRole("status")).toHaveText("Status set to done.");
  await table.getByLabel(/Status of/).selectOption("IN_PROGRESS");
  await table.getByRole("button", { name: "Update" }).click();
  await expect(table.getByRole("status")).toHaveText("Status set to in progress.");
  await page.screenshot({ path: "test-results/screens/commitments.png", fullPage: true });
  await page.goto(`/commitments?owner=${encodeURIComponent(`Desk ${word}`)}&status=IN_PROGRESS`);
  await expect(page.getByRole("table", { name: "Commitments" }).getByRole("row")).toHaveCount(2);

  // The CSV export carries the same rows.
  const csv = await page.request.get(`/api/commitments/export?owner=${encodeURIComponent(`Desk ${word}`)}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(`Send the ${word} draft to the other side.`);
  expect(text).toContain("In progress");
  expect(text.trim().split("\n")).toHaveLength(2);

  await page.goto(`${url}/history`);
  await expect(page.getByRole("main")).toContainText("version 5");
});
