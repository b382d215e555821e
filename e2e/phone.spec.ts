import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";
import { callAction, createRound, signedIn } from "./http";

// A phone held upright: no page may be wider than the screen (sideways scrolling hides text).
test.use({ viewport: { width: 390, height: 844 } });

async function widerThanScreen(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test("on a phone the main pages fit the screen's width (390 and 320 px), and a record's outcomes read one under another", async ({ page, baseURL }) => {
  const title = `Phone round ${Date.now()}`;
  const ctx = await signedIn(baseURL as string, "drafter");
  const rec = await createRound(ctx, title, "RESTRICTED");
  const outcome = (text: string, extra: object = {}) => ({ id: randomUUID(), type: "AGREEMENT", text, owner: "", dueDate: null, status: null, originId: null, isPublic: true, ...extra });
  const saved = await callAction(ctx, `/consultations/${rec.id}/edit`, "saveRecordAction", {
    plain: [
      rec.id,
      1,
      {
        facts: { title, roundNumber: 1, startDate: "2024-03-04", endDate: null, venueMode: "IN_PERSON", venueCity: "Paris", venueCountry: null, hostSide: null, atmosphere: "", context: "", summary: "Both sides met.", classification: "RESTRICTED" },
        participants: [],
        topics: [],
        outcomes: [
          outcome("Intention to expand cooperation in higher education, culture, and science and technology."),
          outcome("Hold expert-level talks on energy cooperation before the next round.", { type: "COMMITMENT", owner: "Economic Diplomacy Wing", dueDate: "2022-12-31", status: "OPEN", isPublic: false }),
        ],
        regionalIssues: [],
        sideMeetings: [],
        references: [],
        nextRound: { plan: "NOT_DISCUSSED", city: "", country: null, date: null, note: "" },
      },
    ],
  });
  expect(saved.body).toMatch(/"status":"saved"/);
  await ctx.dispose();

  await signIn(page, "drafter");
  // 320 px: the width WCAG 2.1's reflow criterion (1.4.10) asks pages to fit; data tables may scroll inside.
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ["/", "/consultations", `/consultations/${rec.id}`, `/consultations/${rec.id}/edit`, `/consultations/${rec.id}/history`, "/commitments", `/series/${rec.seriesId}`, "/account"]) {
      // The page itself, not a redirect to sign-in or an error page (those would fit too).
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page).toHaveURL(path === "/" ? /\/$/ : new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await widerThanScreen(page), `${path} at ${width} px is wider than the screen by`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto(`/consultations/${rec.id}`);
  const outcomes = page.getByRole("list").filter({ hasText: "Hold expert-level talks" });
  await expect(outcomes.getByRole("listitem")).toHaveCount(2);
  await expect(outcomes.getByRole("listitem").nth(1)).toContainText("Economic Diplomacy Wing · due 31 December 2022 · Open");
  const table = page.getByRole("table", { name: "Outcomes", includeHidden: true });
  await expect(table).toHaveCount(1);
  await expect(table).toBeHidden();
  await expectAccessible(page);
  // From 640 px up, the table again, and not the list.
  await page.setViewportSize({ width: 800, height: 844 });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Hold expert-level talks" })).toContainText("Economic Diplomacy Wing");
  await expect(outcomes).toBeHidden();
});
