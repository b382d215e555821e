#!/usr/bin/env node
// Runs the Prisma CLI fully offline: `node scripts/prisma.mjs <prisma args>`.
//
// The CLI would otherwise download a native schema-engine on every migrate/db command; we point
// it at scripts/prisma-schema-engine.mjs (WASM engine + @prisma/adapter-pg) instead, and switch
// off its update check and telemetry, which also phone home.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const cliEntry = path.join(
  path.dirname(require.resolve("prisma/package.json")),
  "build",
  "index.js",
);

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: path.join(here, "prisma-schema-engine.mjs"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1", // telemetry / version check
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  // The bridge's shebang is `#!/usr/bin/env node`: make that resolve to this very Node binary.
  PATH: [path.dirname(process.execPath), process.env.PATH].filter(Boolean).join(path.delimiter),
};

const child = spawn(process.execPath, [cliEntry, ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});

// Ctrl-C reaches the whole process group anyway; forward termination requests from elsewhere.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));

child.on("error", (error) => {
  console.error(`Could not start the Prisma CLI (${cliEntry}): ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(signal ? 128 + (os.constants.signals[signal] ?? 0) : (code ?? 1));
});
