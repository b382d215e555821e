// Runs on every `npm start`: on an empty database (no users) it creates the demo account and the
// demo records (the worked example and an earlier round of its series).
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
  const shown = process.env.DEMO_ADMIN_PASSWORD ? "(from DEMO_ADMIN_PASSWORD)" : password;
  console.log(
    [
      "",
      "  ┌─ Demo account created (shown only this once) ─────────────",
      `  │  e-mail:   ${input.email}`,
      `  │  password: ${shown}`,
      "  │  Create more accounts with: npm run user:create -- --help",
      "  └────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
  // After the password is shown: the next start seeds nothing (an account exists), so a failure
  // here must not leave an account nobody can sign in to.
  await seedDemoRecords(admin.id);
}

try {
  await main();
} finally {
  await prisma.$disconnect();
  await pool.end();
}
