import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";
import { actionId, formReply } from "./server-actions";
import { USERS } from "./users";

test("a wrong password shows a clear error and keeps the user on the sign-in page", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page);
  await page.getByLabel("E-mail").fill(USERS.drafter.email);
  await page.getByLabel("Password").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toHaveText("The e-mail address or password is not correct.");
  await expect(page).toHaveURL(/\/signin/);
});

test("a user signs in, sees who they are, and signs out", async ({ page }) => {
  await signIn(page, "drafter");
  await expect(page.getByRole("banner")).toContainText(USERS.drafter.name);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Welcome");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/consultations");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fconsultations/);
});

test.describe("anonymous requests are refused", () => {
  test("pages redirect to sign-in", async ({ request }) => {
    for (const path of ["/", "/consultations", "/consultations/new", "/consultations/00000000-0000-4000-8000-000000000000"]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(307);
      expect(res.headers().location, path).toMatch(/^\/signin/);
    }
  });

  test("the PDF route answers 401 without a body worth having", async ({ request }) => {
    const res = await request.get("/api/consultations/00000000-0000-4000-8000-000000000000/pdf");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/json");
  });

  test("the health check is public and says the database is reachable", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "reachable" });
  });

  test("a server action replayed without a session creates nothing", async ({ page, playwright, baseURL }) => {
    await signIn(page, "drafter", "/consultations/new");
    await page.goto("/consultations/new");
    const title = `Anonymous attempt ${Date.now()}`;
    await page.getByLabel("Series", { exact: true }).selectOption("new");
    await page.getByLabel("Series name").fill(`${title} series`);
    await page.getByLabel("Format").selectOption("STRATEGIC_DIALOGUE");
    await page.getByLabel("Counterpart country").selectOption("FR");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Start date").fill("2024-01-02");
    await page.getByLabel("City").fill("Nowhere");
    // The exact multipart body the browser would post, action id included, sent with no cookie.
    const fields = await page.locator("form").evaluate((form: HTMLFormElement) =>
      [...new FormData(form).entries()].map(([k, v]) => [k, String(v)] as const),
    );
    expect(fields.some(([k]) => k.startsWith("$ACTION"))).toBe(true);
    const anonymous = await playwright.request.newContext({ baseURL });
    const res = await anonymous.post("/consultations/new", { multipart: Object.fromEntries(fields), maxRedirects: 0 });
    expect([303, 307]).toContain(res.status());
    expect(res.headers().location).toMatch(/\/signin/);
    await anonymous.dispose();

    await page.goto("/consultations");
    await expect(page.getByRole("heading", { name: "Consultations", level: 1 })).toBeVisible();
    await expect(page.getByText(title)).toHaveCount(0);
  });
});

test("ten failed sign-ins lock the account for 15 minutes, with a clear message", async ({ browser }) => {
  // A context of its own, from an address of its own, so no other test's sign-in is throttled.
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": `203.0.113.${Date.now() % 250}` } });
  const page = await context.newPage();
  const email = `locked-${Date.now()}@test.readout`;
  for (let i = 0; i <= 10; i++) {
    await page.goto("/signin");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Wait for the answer (the page also has Next's empty route-announcer alert).
    await expect(page.locator("#signin-error")).toBeVisible();
    if (i < 10) await expect(page.locator("#signin-error")).toHaveText("The e-mail address or password is not correct.");
  }
  await expect(page.locator("#signin-error")).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
  await context.close();
});

test("sign out everywhere ends the person's sessions on other devices too", async ({ browser, baseURL }) => {
  // An account of its own (so no other test's sessions end), made by the admin over HTTP.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  const email = `everywhere-${Date.now()}@test.readout`;
  const created = await admin.request.post("/admin/users", {
    headers: { "Next-Action": actionId("createUserAction"), Accept: "text/x-component", Origin: baseURL as string },
    multipart: formReply({ name: "Wanda Everywhere", email, role: "VIEWER", clearance: "UNCLASSIFIED", password: "wanda-has-two-laptops" }),
  });
  expect(await created.text()).toContain("Account created");
  const [laptop, phone] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  for (const device of [laptop, phone]) {
    await device.goto("/signin");
    await device.getByLabel("E-mail").fill(email);
    await device.getByLabel("Password").fill("wanda-has-two-laptops");
    await device.getByRole("button", { name: "Sign in" }).click();
    await expect(device.getByRole("banner")).toContainText("Wanda Everywhere");
  }
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/signin/);
  await phone.goto("/consultations");
  await expect(phone).toHaveURL(/\/signin/);
});
