import { z } from "zod";

// One zod schema for every variable Readout reads. next.config.js parses it at start-up so a
// bad value stops the server with a clear message instead of failing on first use.
const postgresUrl = z
  .string()
  .url()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  READOUT_DATA_DIR: z.string().min(1).default(".data"),
  EMBEDDED_PG_PORT: z.coerce.number({ error: "must be a port number (1-65535)" }).int().min(1).max(65535).default(5488),
  /** The ministry's own country (ISO 3166-1 alpha-2): the "home" side of every series. */
  HOME_COUNTRY: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as PK")
    .default("PK"),
  /** e.g. smtp://user:password@mail.example.gov:587 — without it, e-mail notifications are off. */
  SMTP_URL: z.string().url().refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().min(3).default("Readout <readout@localhost>"),
  /** "true": administrators must use two-step sign-in (TOTP); until they set it up, they cannot manage accounts. */
  REQUIRE_ADMIN_TOTP: z.enum(["true", "false"]).default("false"),
  /** Minutes without any request after which a session ends (default 30). */
  SESSION_IDLE_MINUTES: z.coerce.number({ error: "must be a number of minutes" }).int().min(1).max(24 * 60).default(30),
  /** Hours after sign-in after which a session ends however active (default 8). */
  SESSION_MAX_HOURS: z.coerce.number({ error: "must be a number of hours" }).int().min(1).max(24 * 7).default(8),
  DEMO_ADMIN_EMAIL: z.string().email().default("admin@readout.local"),
  DEMO_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
});

export type Env = z.infer<typeof envSchema>;

export type EnvPhase = "build" | "server";

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

/** Parses the environment; the running server additionally needs a database and a secret. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env, phase: EnvPhase = "server"): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment configuration:\n${formatEnvError(parsed.error)}`);
  }
  if (phase === "server") {
    const missing = (["DATABASE_URL", "NEXTAUTH_SECRET"] as const).filter((k) => !parsed.data[k]);
    if (missing.length > 0) {
      throw new Error(
        `Invalid environment configuration:\n${missing.map((k) => `  ${k}: required (npm start sets it when it is not configured)`).join("\n")}`,
      );
    }
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env, "server");
  return cached;
}

/** The home country, for code that needs no other setting. */
export function homeCountry(): string {
  return envSchema.shape.HOME_COUNTRY.parse(process.env.HOME_COUNTRY);
}

/** The database URL alone, for code (CLI scripts, tests) that needs no session secret. */
export function databaseUrl(): string {
  const url = envSchema.shape.DATABASE_URL.safeParse(process.env.DATABASE_URL);
  if (!url.success || !url.data) {
    throw new Error("DATABASE_URL is not set or is not a postgresql:// URL (npm start sets it when it is not configured).");
  }
  return url.data;
}
