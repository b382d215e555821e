import pino from "pino";
import { currentRequestId } from "@/lib/request-id";

// Structured JSON logs on stdout, one object per line, each written while serving a request
// carrying its `requestId` (the X-Request-Id the response also carries). Never log passwords,
// tokens or record contents: log ids and error messages; the redaction below is a safety net.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "readout" },
  mixin() {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  },
  redact: {
    paths: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token", "totp", "*.totp", "secret", "*.secret", "cookie", "*.cookie", "authorization", "*.authorization"],
    remove: true,
  },
});
