import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code: take the marker package's server build.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Render PDFs in the test process: a stale worker bundle in .next must not be what is tested.
    // Pools that tests start themselves warm up with one render, not forty (lib/pdf/worker.ts).
    env: { PDF_WORKERS: "0", PDF_WARM_UP_RENDERS: "1" },
  },
});
