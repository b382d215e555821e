// Runs on every `npm start`: creates the demo account, only when the database has no users.
import { randomBytes } from "node:crypto";
import { prisma, pool } from "@/lib/db";
import { createUser } from "@/lib/domain/users/create-user";
import { createUserSchema } from "@/lib/validation/user";

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
  await createUser(null, input);
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
}

try {
  await main();
} finally {
  await prisma.$disconnect();
  await pool.end();
}
