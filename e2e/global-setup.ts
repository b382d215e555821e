import { spawnSync } from "node:child_process";
import { USERS, E2E_PASSWORD } from "./users";

// The e2e users are made the way an administrator makes them: with the command-line tool.
export default function globalSetup() {
  for (const user of Object.values(USERS)) {
    const result = spawnSync(
      process.execPath,
      ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.ts", "--email", user.email, "--name", user.name, "--role", user.role, "--clearance", user.clearance],
      { input: `${E2E_PASSWORD}\n`, encoding: "utf8", env: process.env },
    );
    if (result.status !== 0 && !/already exists/.test(result.stderr)) {
      throw new Error(`user:create failed for ${user.email}: ${result.stderr || result.stdout}`);
    }
  }
}
