#!/usr/bin/env node
// Bundles lib/pdf/worker.ts (templates, markings) into .next/pdf-worker/worker.mjs for the
// worker threads of the PDF pool. Packages stay external: they load from node_modules.
import { build } from "esbuild";
import path from "node:path";

await build({
  entryPoints: ["lib/pdf/worker.ts"],
  outfile: ".next/pdf-worker/worker.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  jsx: "automatic",
  alias: { "@": path.resolve(".") },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
console.log("[readout] PDF worker bundle: .next/pdf-worker/worker.mjs");
