// Resolves the runtime configuration the way `npm start` and `npm test` both need it:
// .env files, zod validation of lib/env.ts, and the zero-config defaults.
import nextEnv from "@next/env";
import { createJiti } from "jiti";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export async function loadConfig({ dev = false } = {}) {
  nextEnv.loadEnvConfig(process.cwd(), dev);
  const jiti = createJiti(import.meta.url);
  const { parseEnv } = await jiti.import("../../lib/env.ts");
  try {
    return parseEnv(process.env, "build");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** A session secret that survives restarts, kept beside the embedded data. */
export function ensureAuthSecret(dataDir) {
  if (process.env.NEXTAUTH_SECRET) return;
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}
