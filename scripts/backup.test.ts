import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// Backs up a database with demo and generated records, restores it into an empty one and into
// the same one wiped, and compares every table row by row; the audit log comes back whole and
// still append-only.
const server = process.env.DATABASE_URL as string;
const withDb = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).href;
const stamp = `${Date.now().toString(36)}_${process.pid}`;
const [src, dst] = [`readout_bk_src_${stamp}`, `readout_bk_dst_${stamp}`];

async function sql<T extends pg.QueryResultRow>(db: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: withDb(db) });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const run = (script: string, args: string[], db: string, extra: Record<string, string> = {}) =>
  execFileSync(process.execPath, [script, ...args], { env: { ...process.env, DATABASE_URL: withDb(db), ...extra }, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });

async function fingerprint(db: string): Promise<Record<string, string>> {
  const tables = await sql<{ t: string }>(db, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await sql<{ n: number; h: string | null }>(db, `SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
    out[t] = `${row?.n} rows ${row?.h ?? "-"}`;
  }
  return out;
}

afterAll(async () => {
  for (const db of [src, dst]) await sql("postgres", `DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
});

describe("db:backup and db:restore", () => {
  it("restores every table exactly, the audit log included, and refuses to restore over data", async () => {
    await sql("postgres", `CREATE DATABASE "${src}"`);
    await sql("postgres", `CREATE DATABASE "${dst}"`);
    run("scripts/prisma.mjs", ["migrate", "deploy"], src);
    run("node_modules/tsx/dist/cli.mjs", ["--conditions=react-server", "prisma/seed.ts"], src, { DEMO_ADMIN_PASSWORD: "backup-test-password" });
    run("scripts/seed-scale.mjs", ["--records", "200"], src);
    await sql(src, `INSERT INTO "AuditLog" (action, "entityType", details) VALUES ('auth.login_failed', 'user', '{"email": "someone@mofa.example"}')`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "readout-backup-")), "readout.dump");
    run("scripts/db-backup.mjs", ["--out", file], src);

    // "Wiped": the restore goes into an empty database.
    run("scripts/db-restore.mjs", ["--in", file], dst);
    const [before, after] = [await fingerprint(src), await fingerprint(dst)];
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["AuditLog", "Consultation", "Outcome", "User", "_prisma_migrations"]));
    expect(after).toEqual(before);
    expect(Number(before.AuditLog?.split(" ")[0])).toBeGreaterThan(0);
    // The restored audit log is still append-only, and search still works.
    await expect(sql(dst, `DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    const [hit] = await sql<{ n: number }>(dst, `SELECT count(*)::int AS n FROM "Consultation" WHERE "searchVector" @@ websearch_to_tsquery('readout', 'Islamabad')`);
    expect(hit?.n).toBeGreaterThan(0);

    // A second restore over the data is refused, and changes nothing.
    expect(() => run("scripts/db-restore.mjs", ["--in", file], dst)).toThrow(/not empty/);
    expect(await fingerprint(dst)).toEqual(before);

    // Wiped in place (every table, the search configuration and extensions gone), then restored
    // into the same database: every row is back.
    await sql(src, `DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    expect(await fingerprint(src)).toEqual({});
    run("scripts/db-restore.mjs", ["--in", file], src);
    expect(await fingerprint(src)).toEqual(before);
    await expect(sql(src, `UPDATE "AuditLog" SET action = 'x'`)).rejects.toThrow(/append-only/);
  }, 120_000);
});
