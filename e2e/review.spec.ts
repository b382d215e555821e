import { expect, test } from "@playwright/test";
import { pdfPageTexts } from "../lib/testing/pdf-text";
import { expectAccessible, signIn } from "./fixtures";
import { createRecord, row, save } from "./helpers";

test("drafter, reviewer and viewer take a record from draft to approved, and a revision leaves the approved PDF as it was", async ({ browser }) => {
  test.setTimeout(150_000);
  const [d, r, v] = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const drafter = await d.newPage();
  const reviewer = await r.newPage();
  const viewer = await v.newPage();
  await signIn(drafter, "drafter");
  await signIn(reviewer, "reviewer");
  await signIn(viewer, "viewer");

  const title = `Review flow ${Date.now()}`;
  const url = await createRecord(drafter, title);
  await drafter.getByLabel("Summary").fill("First draft of the summary.");
  await drafter.getByRole("button", { name: "Add an outcome" }).click();
  await row(drafter, "Outcome 1").getByLabel("Type").selectOption("COMMITMENT");
  await row(drafter, "Outcome 1").getByLabel("Text").fill("Exchange the anniversary programme.");
  await save(drafter, 2);
  await drafter.goto(url);
  await drafter.getByRole("checkbox", { name: /Rita Reviewer/ }).check();
  await drafter.getByRole("button", { name: "Submit for review" }).click();
  await expect(drafter.getByRole("list", { name: "Reviews of version 2" })).toContainText("Rita Reviewer Pending");

  // The reviewer finds it waiting on the dashboard.
  await reviewer.goto("/");
  const waiting = reviewer.getByRole("table", { name: "Waiting for your review" });
  await waiting.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(url);
  await expectAccessible(reviewer);
  // A comment on the outcome itself, then the decision.
  await reviewer.getByLabel("About").selectOption("outcomes");
  await reviewer.getByLabel("Row").selectOption({ label: "Outcome “Exchange the anniversary programme.”" });
  await reviewer.getByLabel("New comment").fill("Who owns this commitment?");
  await reviewer.getByRole("button", { name: "Add comment" }).click();
  await expect(reviewer.getByRole("list", { name: "Open comments" })).toContainText("Who owns this commitment?");
  await reviewer.getByLabel("Comment", { exact: true }).fill("Please name the owner of each commitment.");
  await reviewer.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.getByRole("list", { name: "Reviews of version 2" })).toContainText("Changes requested");

  await drafter.reload();
  await expect(drafter.getByText("Changes requested earlier")).toHaveCount(0); // same version: shown in the list
  await expect(drafter.getByRole("list", { name: "Reviews of version 2" })).toContainText("Please name the owner of each commitment.");
  await drafter.getByRole("link", { name: "Edit", exact: true }).click();
  // The open comment sits next to the row it is about.
  await expect(row(drafter, "Outcome 1").getByRole("note", { name: "Open review comments" })).toContainText("Who owns this commitment?");
  await row(drafter, "Outcome 1").getByLabel("Owner").fill("Europe Division");
  await drafter.getByLabel("Summary").fill("Second draft, owners named.");
  await save(drafter, 3);
  await drafter.goto(url);
  await expect(drafter.getByText("Changes requested earlier")).toBeVisible();
  await drafter.getByRole("checkbox", { name: /Rita Reviewer/ }).check();
  await drafter.getByRole("button", { name: "Submit for review" }).click();
  await expect(drafter.getByRole("list", { name: "Reviews of version 3" })).toContainText("Pending");

  await reviewer.reload();
  await reviewer.getByRole("button", { name: "Approve version 3" }).click();
  await expect(reviewer.getByRole("list", { name: "Reviews of version 3" })).toContainText("Approved");

  const pdfUrl = `/api/consultations/${url.split("/").pop()}/pdf?version=approved`;
  const approved = await viewer.request.get(pdfUrl);
  expect(approved.status()).toBe(200);
  const bytes = await approved.body();
  const text = (await pdfPageTexts(bytes)).join(" ");
  expect(text).not.toContain("DRAFT");
  expect(text).toContain("Approved by Rita Reviewer");
  expect(text).toContain("Second draft, owners named.");

  await drafter.reload();
  await drafter.getByRole("button", { name: "Start a revision" }).click();
  await expect(drafter).toHaveURL(/\/edit$/);
  await drafter.getByLabel("Summary").fill("Revision two.");
  await save(drafter, 4);
  await drafter.goto(url);
  await expect(drafter.getByRole("heading", { name: "Approved version 3" })).toBeVisible();
  // The public readout is offered from the approved version only, not from the draft.
  await expect(drafter.getByRole("link", { name: "Preview Public readout (approved)" })).toBeVisible();
  expect((await drafter.request.get(`${pdfUrl}&template=public-readout`)).status()).toBe(200);
  await expect(drafter.getByRole("region", { name: "Briefing PDFs" })).toContainText("Once this version is approved");
  await expectAccessible(drafter);

  const again = await viewer.request.get(pdfUrl);
  expect(Buffer.compare(await again.body(), bytes)).toBe(0);
  await Promise.all([d.close(), r.close(), v.close()]);
});
