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
  const admin = await createUser(null, input);
  const reviewerPassword = process.env.DEMO_ADMIN_PASSWORD ?? randomBytes(12).toString("base64url");
  const reviewerInput = createUserSchema.parse({
    email: "reviewer@readout.local",
    name: "Demo Reviewer",
    role: "reviewer",
    clearance: "secret",
    password: reviewerPassword,
  });
  const reviewer = await createUser(null, reviewerInput);
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
  // After the passwords are shown: the next start seeds nothing (an account exists), so a failure
  // here must not leave accounts nobody can sign in to.
  await seedDemoRecords(admin.id, reviewer.id);
}

try {
  await main();
} finally {
  await prisma.$disconnect();
  await pool.end();
}
