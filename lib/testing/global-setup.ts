import { execFileSync } from "node:child_process";
import { assertLocalDatabase } from "./assert-local-database";

export default function setup() {
  assertLocalDatabase(process.env.DATABASE_URL);
  // The PDF renderer bundle that pool tests start, built once before any test file runs (a
  // renderer starting while another file rebuilt it could load half a file).
  execFileSync(process.execPath, ["scripts/build-pdf-worker.mjs"], { stdio: "ignore" });
}
