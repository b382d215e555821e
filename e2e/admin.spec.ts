import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures";

test("an admin creates an account, the person signs in, and disabling it signs them out at once", async ({ browser }) => {
  test.setTimeout(150_000);
  const adminContext = await browser.newContext();
  const staffContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const staff = await staffContext.newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "Staff" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expectAccessible(admin);
  const email = `new-staff-${Date.now()}@test.readout`;
  await admin.getByLabel("Full name").fill("Nadia New");
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await admin.getByLabel("Initial password").fill("short");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByLabel("Initial password")).toHaveAccessibleDescription(/at least 12 characters/);
  // The fields stay disabled until the action has fully ended (fill waits for that): typing
  // earlier was lost to React's form reset (seen in CI when the session cookie was refreshed).
  await admin.getByLabel("Initial password").fill("nadia-first-password");
  await admin.getByRole("button", { name: "Create account" }).click();
  // Exactly: an invitation's message starts the same way.
  await expect(admin.getByText(`Account created for ${email}.`, { exact: true })).toBeVisible();

  await staff.goto("/signin");
  await staff.getByLabel("E-mail").fill(email);
  await staff.getByLabel("Password").fill("nadia-first-password");
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff.getByRole("banner")).toContainText("Nadia New");

  // The list is paged (the test database holds hundreds of accounts): found by searching.
  await admin.getByRole("searchbox", { name: "Find an account" }).fill(email.toUpperCase());
  await admin.getByRole("button", { name: "Find", exact: true }).click();
  await expect(admin.getByText(`Accounts matching “${email.toUpperCase()}” 1–1 of 1, active first.`, { exact: true })).toBeVisible();
  await admin.getByRole("checkbox", { name: "Nadia New may sign in" }).uncheck();
  await admin.getByRole("button", { name: "Save Nadia New" }).click();
  await expect(admin.getByText("Saved.")).toBeVisible();

  await staff.goto("/consultations");
  await expect(staff).toHaveURL(/\/signin/);

  await admin.getByRole("link", { name: "Audit log" }).click();
  await admin.getByLabel("Action").fill("user.update");
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin.getByRole("table", { name: "Audit entries" })).toContainText('"active":false');
  await expectAccessible(admin);
  await Promise.all([adminContext.close(), staffContext.close()]);
});

test("an admin invites someone without e-mail configured; the link lets them choose a password, once", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  const invitee = await (await browser.newContext()).newPage();
  await signIn(admin, "admin", "/admin/users");
  await admin.goto("/admin/users");
  const email = `invited-${Date.now()}@test.readout`;
  await admin.getByLabel("Full name").fill("Ivo Invited");
  await admin.getByLabel("E-mail").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("DRAFTER");
  await admin.getByRole("button", { name: "Create account or invite" }).click();
  await expect(admin.getByText(`Account created for ${email}. E-mail is not configured`)).toBeVisible();
  const link = await admin.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/welcome\/[A-Za-z0-9_-]{43}$/);

  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText("Welcome, Ivo Invited.")).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("Choose a password").fill("ivo-chooses-this-one");
  await invitee.getByLabel("Type it again").fill("ivo-chooses-another");
  await invitee.getByRole("button", { name: "Set my password" }).click();
  await expect(invitee.getByLabel("Type it again")).toHaveAccessibleDescription(/The two passwords differ/);
  await invitee.getByLabel("Choose a password").fill("ivo-chooses-this-one");
  await invitee.getByLabel("Type it again").fill("ivo-chooses-this-one");
  await invitee.getByRole("button", { name: "Set my password" }).click();
  await expect(invitee).toHaveURL(/\/signin\?welcome=/);
  await expect(invitee.getByRole("status")).toContainText("Your password is set.");
  await invitee.getByLabel("E-mail").fill(email);
  await invitee.getByLabel("Password").fill("ivo-chooses-this-one");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee.getByRole("banner")).toContainText("Ivo Invited");

  // The link worked once.
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
});
