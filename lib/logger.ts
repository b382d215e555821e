import pino from "pino";

// Structured JSON logs on stdout. Never log passwords, tokens or record contents.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "readout" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"], remove: true },
});
