// npm run user:create -- --email a@b.c --name "…" --role drafter --clearance restricted
// The password comes from a hidden prompt, or from standard input when it is piped.
import { parseArgs } from "node:util";
import { text } from "node:stream/consumers";
import password from "@inquirer/password";
import { z } from "zod";
import { createUserSchema } from "@/lib/validation/user";
import { isAppError } from "@/lib/errors";

const USAGE = `Create a Readout staff account.

  npm run user:create -- --email <address> --name "<full name>" --role <role> --clearance <level>

  --role        viewer | drafter | reviewer | admin
  --clearance   unclassified | restricted | confidential | secret
  Password: typed at a hidden prompt, or piped on standard input (first line).
  Needs DATABASE_URL (or run it where npm start runs: it uses the same .env).`;

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return (await text(process.stdin)).split(/\r?\n/)[0] ?? "";
  const first = await password({ message: "Password (at least 12 characters):", mask: "*" });
  const second = await password({ message: "Repeat the password:", mask: "*" });
  if (first !== second) throw new Error("The two passwords differ.");
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      clearance: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = createUserSchema.omit({ password: true }).safeParse({
    email: values.email,
    name: values.name,
    role: values.role,
    clearance: values.clearance,
  });
  if (!parsed.success) {
    for (const [field, errors] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
      console.error(`--${field}: ${(errors as string[]).join("; ")}`);
    }
    console.error(`\n${USAGE}`);
    return 2;
  }
  const full = createUserSchema.safeParse({ ...parsed.data, password: await readPassword() });
  if (!full.success) {
    console.error(z.flattenError(full.error).fieldErrors.password?.join("; ") ?? "Invalid input.");
    return 2;
  }
  // Imported late so that --help and bad arguments need no database.
  const { loadEnvConfig } = await import("@next/env");
  loadEnvConfig(process.cwd());
  if (!process.env.DATABASE_URL) {
    // Zero-config: use the embedded cluster, which `npm start` must be running.
    const { runningEmbeddedUrl } = await import("./lib/embedded-pg.mjs");
    const url = runningEmbeddedUrl({ dataDir: process.env.READOUT_DATA_DIR ?? ".data" });
    if (!url) {
      console.error("No DATABASE_URL is set and the embedded database is not running: start Readout with `npm start` first.");
      return 1;
    }
    process.env.DATABASE_URL = url;
  }
  const { createUser } = await import("@/lib/domain/users/create-user");
  const { prisma, pool } = await import("@/lib/db");
  try {
    const user = await createUser(null, full.data);
    console.log(`Created ${full.data.role.toLowerCase()} ${full.data.email} (clearance ${full.data.clearance.toLowerCase()}), id ${user.id}.`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

process.exitCode = await main();
