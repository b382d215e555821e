import { spawn } from "node:child_process";

/** Runs a command with inherited stdio; resolves on exit 0, rejects with a clear message otherwise. */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${[cmd, ...args].join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export const NODE = process.execPath;
export const TSX = ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server"];
export const NEXT = "node_modules/next/dist/bin/next";
