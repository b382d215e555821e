import { spawn } from "node:child_process";
import { USERS, E2E_PASSWORD } from "./users";

// The e2e users are made the way an administrator makes them: with the command-line tool.
// A few at a time: each is a process hashing a password, and a loaded machine would time out
// the account's transaction if all of them ran at once.
const AT_ONCE = 3;

export default async function globalSetup() {
  const users = Object.values(USERS);
  for (let i = 0; i < users.length; i += AT_ONCE) await createUsers(users.slice(i, i + AT_ONCE));
}

async function createUsers(users: (typeof USERS)[keyof typeof USERS][]) {
  await Promise.all(
    users.map(
      (user) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/user-create.ts", "--email", user.email, "--name", user.name, "--role", user.role, "--clearance", user.clearance],
            { env: process.env, stdio: ["pipe", "pipe", "pipe"] },
          );
          let output = "";
          child.stdout.on("data", (d: Buffer) => (output += d.toString()));
          child.stderr.on("data", (d: Buffer) => (output += d.toString()));
          child.stdin.end(`${E2E_PASSWORD}\n`);
          child.on("close", (code) => (code === 0 || /already exists/.test(output) ? resolve() : reject(new Error(`user:create failed for ${user.email}: ${output}`))));
        }),
    ),
  );
}
