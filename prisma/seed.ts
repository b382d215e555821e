// Runs on every `npm start`: on an empty database (no users) it creates the demo accounts (an
// administrator, and a reviewer: nobody reviews a record they drafted, so one account could not
// show a review) and the demo records (the worked example and an earlier round of its series).
import { randomBytes } from "node:crypto";
import { prisma, pool } from "@/lib/db";
import { createUser } from "@/lib/domain/users/create-user";
import { createUserSchema } from "@/lib/validation/user";
import { seedDemoRecords } from "@/lib/demo/seed-demo-records";

async function main() {
  if ((await prisma.user.count()) > 0) return;
  const password = process.env.DEMO_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const input = createUserSchema.parse({
    email: process.env.DEMO_ADMIN_EMAIL ?? "admin@readout.local",
    name: "Demo Administrator",
    role: "admin",
    clearance: "secret",
    password,
  });
  const reviewerPassword = process.env.DEMO_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const reviewerInput = createUserSchema.parse({
    email: "reviewer@readout.local",
    name: "Demo Reviewer",
    role: "reviewer",
    clearance: "secret",
    password: reviewerPassword,
  });
  const admin = await createUser(null, input);
  // Shown as soon as the administrator exists: the next start seeds nothing (an account exists),
  // so whatever fails after this must not take the only way in with it.
  const shown = (p: string) => (process.env.DEMO_ADMIN_PASSWORD ? "(from DEMO_ADMIN_PASSWORD)" : p);
  console.log(
    [
      "",
      "  ┌─ Demo accounts created (shown only this once) ─────────────",
      `  │  administrator  ${input.email}`,
      `  │     password:   ${shown(password)}`,
      `  │  reviewer       ${reviewerInput.email}`,
      `  │     password:   ${shown(reviewerPassword)}`,
      "  │  Create more accounts with: npm run user:create -- --help",
      "  └─────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
  const reviewer = await createUser(null, reviewerInput).catch((error: unknown) => {
    // DEMO_ADMIN_EMAIL set to the reviewer's address, say: the demo goes on without a reviewer.
    console.warn(`[seed] the demo reviewer was not created, and the demo's approved round names nobody: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  await seedDemoRecords(admin.id, reviewer?.id ?? null);
}

try {
  await main();
} finally {
  await prisma.$disconnect();
  await pool.end();
}
