/* eslint-disable @typescript-eslint/no-require-imports -- next-logger reads a CommonJS config file */
// next-logger (loaded in instrumentation.ts) turns Next.js's own output and console.* into pino
// JSON lines. This gives those lines what lib/logger.ts gives ours: the request id (from
// Next.js's request-scoped storage, as lib/request-id.ts reads it) and the same redaction.
const pino = require("pino");

function requestId() {
  try {
    const { workUnitAsyncStorage } = require("next/dist/server/app-render/work-unit-async-storage.external");
    const headers = workUnitAsyncStorage.getStore()?.headers;
    return typeof headers?.get === "function" ? (headers.get("x-request-id") ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

module.exports = {
  logger: (defaultConfig) =>
    pino({
      ...defaultConfig,
      level: process.env.LOG_LEVEL ?? "info",
      base: { app: "readout" },
      mixin() {
        const id = requestId();
        return id ? { requestId: id } : {};
      },
      redact: {
        paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "totp", "*.totp", "secret", "*.secret", "cookie", "*.cookie", "authorization", "*.authorization", "headers.cookie", "*.headers.cookie", "*.headers.authorization"],
        remove: true,
      },
    }),
};
