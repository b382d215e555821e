import { readFileSync } from "node:fs";

// Server actions called the way React calls them: the action's id (from the build's manifest) in
// a Next-Action header, its arguments encoded as React encodes them.

const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
  node: Record<string, { exportedName?: string; filename?: string }>;
};

export function actionId(name: string): string {
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`server action ${name} is not in the build's manifest`);
  return found[0];
}

/**
 * [prevState, FormData] as React encodes them: the form's fields under "_1_", then the arguments
 * ("0") pointing at them. The server reads the entries in order, so order matters (and a plain
 * object would put the integer-like key "0" first).
 */
export function formReply(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify([{}, "$K1"]));
  return body;
}


/** Every server action in the build, as "file#exportedName". */
export function buildActions(): string[] {
  return Object.values(manifest.node).map((v) => `${v.filename}#${v.exportedName}`);
}
