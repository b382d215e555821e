import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";
import { createRecord, row, save } from "./helpers";

const SUMMARY =
  "In Islamabad the delegations reviewed political ties, the economy, defence, energy and people-to-people contacts, and agreed to work more closely in multilateral forums.";

const PEOPLE = [
  { group: "Our delegate 1", honorific: "Dr.", name: "Asad Majeed Khan", title: "Foreign Secretary", organisation: "Ministry of Foreign Affairs", role: "HEAD" },
  { group: "Our delegate 2", honorific: "", name: "آصف مجید خان", title: "Director General", organisation: "وزارت خارجہ", role: "MEMBER" },
  { group: "Counterpart delegate 1", honorific: "Mr.", name: "Андрей Руденко", title: "Deputy Foreign Minister", organisation: "МИД России", role: "HEAD" },
  { group: "Counterpart delegate 2", honorific: "Ambassador", name: "Zamir Kabulov", title: "Special Representative on Afghanistan", organisation: "Dato' Amran’s “office”", role: "SPECIAL_REPRESENTATIVE" },
];
const TOPICS = [
  ["POLITICAL", "Political relations"],
  ["ECONOMIC", "Economic cooperation"],
  ["DEFENCE", "Defence"],
  ["ENERGY", "Energy"],
  ["PEOPLE_TO_PEOPLE", "People-to-people contacts"],
] as const;
const OUTCOMES = [
  { type: "SATISFACTION", text: "Satisfaction with the positive trajectory of energy cooperation." },
  { type: "AGREEMENT", text: "Expand cooperation in higher education, culture, and science and technology." },
  { type: "REAFFIRMATION", text: "Cooperation against terrorism, drug trafficking and organised crime." },
  { type: "COMMITMENT", text: "Propose dates for the next round in Moscow.", owner: "Europe Division", due: "2023-12-31", status: "IN_PROGRESS" },
];
const REGIONS = [
  ["Afghanistan", "Support for peace, stability and humanitarian assistance."],
  ["Middle East", "Views exchanged."],
  ["South Asia", "Views exchanged."],
] as const;

async function fillWorkedExample(page: Page) {
  await page.getByLabel("End date").fill("2023-06-21");
  await page.getByLabel("Host").selectOption("HOME");
  await page.getByLabel("Venue country").selectOption("PK");
  await page.getByLabel("Atmosphere", { exact: true }).fill("Cordial and constructive");
  await page.getByLabel("Context").fill("75th anniversary of diplomatic relations");
  await page.getByLabel("Summary").fill(SUMMARY);

  for (const p of PEOPLE) {
    const home = p.group.startsWith("Our");
    await page.getByRole("button", { name: home ? "Add a member of our delegation" : "Add a member of the counterpart delegation" }).click();
    const r = row(page, p.group);
    await r.getByLabel("Honorific").fill(p.honorific);
    await r.getByLabel("Name").fill(p.name);
    await r.getByLabel("Title").fill(p.title);
    await r.getByLabel("Organisation").fill(p.organisation);
    await r.getByLabel("Role").selectOption(p.role);
  }
  for (const [i, [category, subject]] of TOPICS.entries()) {
    await page.getByRole("button", { name: "Add a topic" }).click();
    const r = row(page, `Topic ${i + 1}`);
    await r.getByLabel("Category").selectOption(category);
    await r.getByLabel("Subject").fill(subject);
  }
  for (const [i, o] of OUTCOMES.entries()) {
    await page.getByRole("button", { name: "Add an outcome" }).click();
    const r = row(page, `Outcome ${i + 1}`);
    await r.getByLabel("Type").selectOption(o.type);
    await r.getByLabel("Text").fill(o.text);
    if (o.owner) {
      await r.getByLabel("Owner").fill(o.owner);
      await r.getByLabel("Due date").fill(o.due);
      await r.getByLabel("Status").selectOption(o.status);
    }
  }
  for (const [i, [region, positions]] of REGIONS.entries()) {
    await page.getByRole("button", { name: "Add a regional or global issue" }).click();
    const r = row(page, `Regional issue ${i + 1}`);
    await r.getByLabel("Region or country").fill(region);
    await r.getByLabel("Positions exchanged").fill(positions);
  }
  await page.getByRole("button", { name: "Add a side meeting" }).click();
  await row(page, "Side meeting 1").getByLabel("With whom").fill("Prime Minister of Pakistan");
  await page.getByLabel("Agreed plan").selectOption("TO_BE_FIXED");
  await page.locator("#next-round").getByLabel("City").fill("Moscow");
  await page.locator("#next-round").getByLabel("Country").selectOption("RU");
  await page.getByRole("button", { name: "Add a reference" }).click();
  await row(page, "Reference 1").getByLabel("Title").fill("Russia–Pakistan MoU on mutual trade");
  await row(page, "Reference 1").getByLabel("Link").fill("https://example.org/a-very-long/url/that-must-not-break?with=query&and=more");
}

async function expectWorkedExample(page: Page) {
  await expect(page.getByLabel("End date")).toHaveValue("2023-06-21");
  await expect(page.getByLabel("Host")).toHaveValue("HOME");
  await expect(page.getByLabel("Atmosphere", { exact: true })).toHaveValue("Cordial and constructive");
  await expect(page.getByLabel("Summary")).toHaveValue(SUMMARY);
  for (const p of PEOPLE) {
    const r = row(page, p.group);
    await expect(r.getByLabel("Honorific")).toHaveValue(p.honorific);
    await expect(r.getByLabel("Name")).toHaveValue(p.name);
    await expect(r.getByLabel("Title")).toHaveValue(p.title);
    await expect(r.getByLabel("Organisation")).toHaveValue(p.organisation);
    await expect(r.getByLabel("Role")).toHaveValue(p.role);
  }
  for (const [i, [category, subject]] of TOPICS.entries()) {
    await expect(row(page, `Topic ${i + 1}`).getByLabel("Category")).toHaveValue(category);
    await expect(row(page, `Topic ${i + 1}`).getByLabel("Subject")).toHaveValue(subject);
  }
  for (const [i, o] of OUTCOMES.entries()) {
    const r = row(page, `Outcome ${i + 1}`);
    await expect(r.getByLabel("Type")).toHaveValue(o.type);
    await expect(r.getByLabel("Text")).toHaveValue(o.text);
    if (o.owner) {
      await expect(r.getByLabel("Owner")).toHaveValue(o.owner);
      await expect(r.getByLabel("Due date")).toHaveValue(o.due);
      await expect(r.getByLabel("Status")).toHaveValue(o.status);
    }
  }
  for (const [i, [region, positions]] of REGIONS.entries()) {
    await expect(row(page, `Regional issue ${i + 1}`).getByLabel("Region or country")).toHaveValue(region);
    await expect(row(page, `Regional issue ${i + 1}`).getByLabel("Positions exchanged")).toHaveValue(positions);
  }
  await expect(row(page, "Side meeting 1").getByLabel("With whom")).toHaveValue("Prime Minister of Pakistan");
  await expect(page.getByLabel("Agreed plan")).toHaveValue("TO_BE_FIXED");
  await expect(page.locator("#next-round").getByLabel("City")).toHaveValue("Moscow");
  await expect(row(page, "Reference 1").getByLabel("Title")).toHaveValue("Russia–Pakistan MoU on mutual trade");
}

test("the whole worked example is entered through the editor and every value comes back after a reload", async ({ page }) => {
  // 1.4–2.1 min in full runs on this 2-core machine (dozens of fields, two accessibility scans).
  test.setTimeout(180_000);
  await signIn(page, "drafter");
  const title = `Pakistan–Russia BPC round 5 ${Date.now()}`;
  const recordUrl = await createRecord(page, title);
  await expectAccessible(page);
  await fillWorkedExample(page);
  await save(page, 2);
  await page.reload();
  await expectWorkedExample(page);
  await expectAccessible(page);

  // Reorder: the second topic moves up, and stays there after saving.
  await row(page, "Topic 2").getByRole("button", { name: "Move Topic 2 up" }).click();
  await expect(row(page, "Topic 1").getByLabel("Subject")).toHaveValue("Economic cooperation");
  await save(page, 3);
  await page.reload();
  await expect(row(page, "Topic 1").getByLabel("Subject")).toHaveValue("Economic cooperation");

  await page.goto(recordUrl);
  const main = page.getByRole("main");
  for (const text of ["Андрей Руденко", "آصف مجید خان", "Dato' Amran’s “office”", "Cordial and constructive", "Moscow, Russian Federation, on mutually convenient dates", "Propose dates for the next round in Moscow."]) {
    await expect(main).toContainText(text);
  }
  await expectAccessible(page);
});

test("an atmosphere unticked as public stays so, and the record says it is internal", async ({ page }) => {
  await signIn(page, "drafter");
  const recordUrl = await createRecord(page, `Internal atmosphere ${Date.now()}`);
  await page.getByLabel("Atmosphere", { exact: true }).fill("Tense; the other side walked out twice");
  const atmospherePublic = page.getByRole("checkbox", { name: "Public: the atmosphere may appear in the public readout" });
  await expect(atmospherePublic).toBeChecked();
  await atmospherePublic.uncheck();
  await save(page, 2);
  await page.reload();
  await expect(atmospherePublic).not.toBeChecked();
  await page.goto(recordUrl);
  await expect(page.getByRole("main")).toContainText("Tense; the other side walked out twice (internal: not in the public readout)");
});

test("an invalid value is refused next to its field and nothing typed is lost", async ({ page }) => {
  await signIn(page, "drafter");
  await createRecord(page, `Validation ${Date.now()}`);
  await page.getByLabel("Summary").fill("y".repeat(10_001));
  await page.getByRole("button", { name: "Add an outcome" }).click();
  await row(page, "Outcome 1").getByLabel("Text").fill("Kept text");
  await page.getByLabel("Start date").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Nothing was saved");
  await expect(page.getByLabel("Summary")).toHaveAccessibleDescription(/at most 10,000 characters/);
  await expect(page.getByLabel("Start date")).toHaveAccessibleDescription("Enter the start date");
  await expect(row(page, "Outcome 1").getByLabel("Text")).toHaveValue("Kept text");
  await expect(page.getByLabel("Summary")).toHaveValue("y".repeat(10_001));
});

test("leaving with unsaved changes asks first", async ({ page }) => {
  await signIn(page, "drafter");
  await createRecord(page, `Unsaved ${Date.now()}`);
  await page.getByLabel("Atmosphere", { exact: true }).fill("Frank");
  await expect(page.getByRole("status")).toHaveText("Unsaved changes");
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect.poll(() => asked).toContain("unsaved changes");
  await expect(page.getByLabel("Atmosphere", { exact: true })).toHaveValue("Frank");
  await expect(page).toHaveURL(/\/edit$/);
});

test("two people save the same draft: the second sees a conflict, keeps their text, and nothing is lost", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  await signIn(a, "drafter");
  await signIn(b, "admin");
  const url = await createRecord(a, `Conflict ${Date.now()}`);
  await b.goto(`${url}/edit`);
  await expect(b.getByLabel("Summary", { exact: true })).toHaveValue("");

  await a.getByLabel("Summary", { exact: true }).fill("Alice's summary of the talks.");
  await a.getByLabel("Atmosphere", { exact: true }).fill("Cordial");
  await save(a, 2);

  await b.getByLabel("Summary", { exact: true }).fill("Bob's summary, written at the same time.");
  await b.getByLabel("Context", { exact: true }).fill("Bob's context");
  await b.getByRole("button", { name: "Save" }).click();
  const panel = b.getByRole("region", { name: /saved this record while you were editing/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Dmitri Drafter");
  await expect(panel.getByRole("textbox", { name: "Yours" })).toHaveValue("Bob's summary, written at the same time.");
  await expect(panel.getByRole("textbox", { name: /’s$/ })).toHaveValue("Alice's summary of the talks.");
  await expectAccessible(b);
  // Alice's change that Bob did not touch is merged in; Bob's own edits are still there.
  await expect(b.getByLabel("Atmosphere", { exact: true })).toHaveValue("Cordial");
  await expect(b.getByLabel("Context", { exact: true })).toHaveValue("Bob's context");
  await expect(b.getByLabel("Summary", { exact: true })).toHaveValue("Bob's summary, written at the same time.");

  await panel.getByRole("button", { name: "Save the combined version" }).click();
  await expect(b.getByRole("status").filter({ hasText: "Saved as version 3" })).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("Summary", { exact: true })).toHaveValue("Bob's summary, written at the same time.");
  await expect(a.getByLabel("Atmosphere", { exact: true })).toHaveValue("Cordial");
  await expect(a.getByLabel("Context", { exact: true })).toHaveValue("Bob's context");
  await alice.close();
  await bob.close();
});

test("starting the next round carries the open commitments over", async ({ page }) => {
  await signIn(page, "drafter");
  const url = await createRecord(page, `Series round ${Date.now()}`);
  await page.getByRole("button", { name: "Add an outcome" }).click();
  await row(page, "Outcome 1").getByLabel("Type").selectOption("COMMITMENT");
  await row(page, "Outcome 1").getByLabel("Text").fill("Exchange draft programmes for the anniversary.");
  await page.getByLabel("Agreed plan").selectOption("TO_BE_FIXED");
  await page.locator("#next-round").getByLabel("City").fill("Moscow");
  await page.locator("#next-round").getByLabel("Country").selectOption("RU");
  await save(page, 2);
  await page.goto(url);
  await page.getByRole("link", { name: /series$/ }).click();
  await expect(page.getByRole("heading", { name: "Rounds, oldest first" })).toBeVisible();
  await expectAccessible(page);
  const seriesUrl = page.url();
  await page.getByRole("button", { name: "Start the next round" }).click();
  await expect(page).toHaveURL(/\/edit\?from=previous$/);
  await expect(page.getByText("Started from the previous round")).toBeVisible();
  await expect(page.getByLabel("Round number")).toHaveValue("6");
  await expect(page.getByLabel("City").first()).toHaveValue("Moscow");
  await expect(row(page, "Outcome 1").getByLabel("Text")).toHaveValue("Exchange draft programmes for the anniversary.");
  await expect(row(page, "Outcome 1")).toContainText("Carried over");
  await expect(row(page, "Outcome 1")).toContainText("round 5: Open → round 6: Open");

  // The series timeline shows how the commitment moved: open at round 5, carried open into 6.
  await page.goto(seriesUrl);
  const movement = page.getByRole("table", { name: "How commitments moved from round to round" });
  await expect(movement.getByRole("columnheader")).toHaveText(["Commitment", "Round 5", "Round 6"]);
  await expect(movement.getByRole("row", { name: /Exchange draft programmes/ }).getByRole("cell")).toHaveText(["Open", "Open"]);
  await expectAccessible(page);
});
