import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectAccessible, signIn } from "./fixtures";
import { E2E_PASSWORD, USERS } from "./users";

/** What an authenticator app shows for `key`, `steps` periods from now. */
const appCode = (key: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(key.replaceAll(" ", "")), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + steps * 30_000 });

/**
 * Waits out the last seconds of a 30 s period: a code made just before a period ends is checked
 * in the next one, where the previous period's code is two periods old and refused (the test
 * failed that way, under load).
 */
async function clearOfPeriodEnd(marginMs = 8_000) {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 200));
}

test("a person sets up two-step sign-in, then signing in asks for the app's code", async ({ page }) => {
  await signIn(page, "twoStep");
  await page.getByRole("link", { name: new RegExp(USERS.twoStep.name) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page);
  const key = (await page.getByLabel("Key to type into the app").textContent()) ?? "";
  expect(key).toMatch(/^[A-Z2-7 ]{32,}$/);
  await page.screenshot({ path: "test-results/e2e-artifacts/totp-setup.png", fullPage: true });

  // A wrong code is said next to the field, and nothing is turned on.
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn two-step sign-in on" }).click();
  await expect(page.getByText("That code is not correct")).toBeVisible();
  // The code of the period before (an app's clock a little behind) is accepted too.
  await clearOfPeriodEnd();
  await page.getByLabel("Code from the app").fill(appCode(key, -1));
  await page.getByRole("button", { name: "Turn two-step sign-in on" }).click();
  // Turning it on ends every session, this one too: signed in again, with a code.
  await expect(page).toHaveURL(/\/signin\?ended=totp/);
  await expect(page.getByRole("status")).toContainText("Two-step sign-in changed: you were signed out on every device.");
  await page.getByLabel("E-mail").fill(USERS.twoStep.email);
  await page.getByLabel("Password").fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The password was right: now the code.
  await expect(page.getByLabel("Authenticator code")).toBeFocused();
  await expectAccessible(page);
  await page.getByLabel("Authenticator code").fill("123456");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "code" })).toHaveText("That code is not correct. Enter the one your authenticator app shows now.");
  await page.screenshot({ path: "test-results/e2e-artifacts/totp-signin.png", fullPage: true });
  await page.getByLabel("Authenticator code").fill(appCode(key));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(USERS.twoStep.name);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("status").filter({ hasText: "Two-step sign-in is on." })).toBeVisible();
});
