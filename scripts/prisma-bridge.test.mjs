// End-to-end test of the offline schema-engine bridge (scripts/prisma-schema-engine.mjs), driven
// through the real Prisma CLI via scripts/prisma.mjs against a throwaway local database.
//
//   node --test scripts/prisma-bridge.test.mjs
//
// BRIDGE_TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/bridge_test) names a
// database that this test drops, lets `migrate deploy` re-create, and drops again at the end.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = path.join(here, "prisma-bridge-fixture");
const config = path.join(fixture, "prisma.config.ts");
const schema = path.join(fixture, "schema.prisma");
const migrations = path.join(fixture, "migrations");
const MIGRATIONS = fs
  .readdirSync(migrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const url =
  process.env.BRIDGE_TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/bridge_test";
const database = decodeURIComponent(new URL(url).pathname.slice(1));
const adminUrl = Object.assign(new URL(url), { pathname: "/postgres" }).href;
// This test drops the database: refuse anything not obviously a test database.
assert.match(database, /test/, `BRIDGE_TEST_DATABASE_URL must name a *test* database: ${database}`);

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const admin = (sql, params) => withClient(adminUrl, (c) => c.query(sql, params));
const dropDatabase = () =>
  admin(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
const shadowDatabases = async () =>
  (
    await admin(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`)
  ).rows.map((r) => r.datname);

/** Runs `node scripts/prisma.mjs <args> --config <fixture config>`; resolves with code and output. */
const prisma = (...args) => prismaWith({ configFile: config }, ...args);
function prismaWith({ configFile, env = {} }, ...args) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(here, "prisma.mjs"), ...args, "--config", configFile],
      {
        cwd: path.dirname(here),
        env: { ...process.env, ...env, BRIDGE_TEST_DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"], // no TTY: the CLI must not wait for prompts
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000); // a hung engine fails the test
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        output: `--- stdout\n${stdout}\n--- stderr\n${stderr}`,
      });
    });
  });
}

// A copy of the fixture whose schema gained a model after its migrations were applied (the
// everyday `migrate dev` situation), in a temporary directory so that the test never writes into
// the fixture. Its config is a plain object: `prisma/config` does not resolve from there.
const pending = fs.mkdtempSync(path.join(os.tmpdir(), "prisma-bridge-pending-"));
const pendingSchema = path.join(pending, "schema.prisma");
const pendingMigrations = path.join(pending, "migrations");
const pendingConfig = path.join(pending, "prisma.config.mjs");
const CREATE_PENDING = /CREATE TABLE "(public"\.")?Pending"/;

let shadowsBefore;
before(async () => {
  await dropDatabase();
  shadowsBefore = await shadowDatabases();
  fs.cpSync(migrations, pendingMigrations, { recursive: true });
  fs.writeFileSync(
    pendingSchema,
    `${fs.readFileSync(schema, "utf8")}
model Pending {
  id    Int    @id @default(autoincrement())
  label String
}
`,
  );
  fs.writeFileSync(
    pendingConfig,
    `export default {
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.BRIDGE_TEST_DATABASE_URL },
};
`,
  );
});
after(async () => {
  fs.rmSync(pending, { recursive: true, force: true });
  await dropDatabase();
});

test("migrate deploy creates the database and applies the fixture migrations", async () => {
  const r = await prisma("migrate", "deploy");
  assert.equal(r.code, 0, r.output);
  assert.ok(r.stdout.includes(`database ${database} created`), r.output); // via `cli create-database`
  for (const name of MIGRATIONS)
    assert.ok(r.stdout.includes(name), `${name} not reported as applied\n${r.output}`);
  assert.match(r.stdout, /All migrations have been successfully applied/, r.output);

  await withClient(url, async (db) => {
    const applied = await db.query(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1",
    );
    assert.deepEqual(
      applied.rows.map((row) => row.migration_name),
      MIGRATIONS,
    );
    // The `;` in this default and in the function body prove scripts are not split on `;`.
    const { rows } = await db.query(`SELECT column_default FROM information_schema.columns
      WHERE table_name = 'Note' AND column_name = 'body'`);
    assert.equal(rows[0].column_default, `'first; second'::text`);
    await db.query(`INSERT INTO "Author" (email) VALUES ('a@example.org')`);
    assert.equal((await db.query(`SELECT note_summary(1) AS s`)).rows[0].s, "notes: 0;");
    // The CHECK and EXCLUDE constraints the engine must describe in the tests below.
    const { rows: constraints } = await db.query(
      `SELECT conname, contype FROM pg_constraint
        WHERE contype IN ('c', 'x') AND connamespace = 'public'::regnamespace ORDER BY 1`,
    );
    assert.deepEqual(constraints, [
      { conname: "Author_email_lowercase", contype: "c" },
      { conname: "Note_one_body_per_author", contype: "x" },
    ]);
  });
});

test("migrate diff finds no drift between the migrated database and the schema", async () => {
  const r = await prisma(
    "migrate",
    "diff",
    "--from-config-datasource",
    "--to-schema",
    schema,
    "--exit-code",
  );
  assert.equal(r.code, 0, r.output);
  // The summary reaches the CLI through the engine's `print` request.
  assert.match(r.stdout, /No difference detected/, r.output);
});

test("migrate diff really introspects the database (negative control)", async () => {
  const r = await prisma(
    "migrate",
    "diff",
    "--from-config-datasource",
    "--to-empty",
    "--script",
    "--exit-code",
  );
  assert.equal(r.code, 2, r.output); // 2 = "there is a difference"
  assert.match(r.stdout, /DROP TABLE "public"\."Note"/, r.output);
  assert.match(r.stdout, /DROP TYPE "public"\."Mood"/, r.output);
});

test("migrate diff from the migrations folder uses and cleans up a shadow database", async () => {
  const r = await prisma(
    "migrate",
    "diff",
    "--from-migrations",
    migrations,
    "--to-schema",
    schema,
    "--exit-code",
  );
  assert.equal(r.code, 0, r.output);
  assert.match(r.stdout, /No difference detected/, r.output);
  assert.deepEqual(await shadowDatabases(), shadowsBefore, "shadow database left behind");
});

// The engine reads pg_constraint.contype (Postgres' `"char"` type) as a character: delivered as
// text, it panicked inside the WASM engine as soon as the database had a CHECK constraint, and the
// CLI then exited 0 without output, so that pending schema changes looked like "no difference".
test("migrate diff reports a model added after the migrations were applied", async () => {
  const r = await prismaWith(
    { configFile: pendingConfig },
    "migrate",
    "diff",
    "--from-config-datasource",
    "--to-schema",
    pendingSchema,
    "--script",
    "--exit-code",
  );
  assert.equal(r.code, 2, r.output);
  assert.match(r.stdout, CREATE_PENDING, r.output);
  // Only the new table: the constraints Prisma cannot express are not part of the diff.
  assert.doesNotMatch(r.stdout, /DROP|ALTER/, r.output);
});

test("migrate diff from the migrations folder also sees the added model", async () => {
  const r = await prismaWith(
    { configFile: pendingConfig },
    "migrate",
    "diff",
    "--from-migrations",
    pendingMigrations,
    "--to-schema",
    pendingSchema,
    "--script",
    "--exit-code",
  );
  assert.equal(r.code, 2, r.output);
  assert.match(r.stdout, CREATE_PENDING, r.output);
  assert.deepEqual(await shadowDatabases(), shadowsBefore, "shadow database left behind");
});

test("migrate dev --create-only writes a migration for the added model", async () => {
  const r = await prismaWith(
    { configFile: pendingConfig },
    "migrate",
    "dev",
    "--create-only",
    "--name",
    "pending",
  );
  assert.equal(r.code, 0, r.output);
  const created = fs
    .readdirSync(pendingMigrations)
    .filter((name) => !MIGRATIONS.includes(name) && name !== "migration_lock.toml");
  assert.equal(created.length, 1, `expected one new migration folder: ${created}\n${r.output}`);
  assert.match(created[0], /^\d{14}_pending$/, r.output);
  const sql = fs.readFileSync(path.join(pendingMigrations, created[0], "migration.sql"), "utf8");
  assert.match(sql, CREATE_PENDING, sql);
  assert.doesNotMatch(sql, /DROP|ALTER/, sql);
  assert.deepEqual(await shadowDatabases(), shadowsBefore, "shadow database left behind");
  // --create-only: the database itself is left alone.
  await withClient(url, async (db) => {
    const { rows } = await db.query(`SELECT to_regclass('"Pending"') AS t`);
    assert.equal(rows[0].t, null);
  });
});

test("an engine panic fails the command, with the panic message", async () => {
  // FORCE_PANIC_SCHEMA_ENGINE makes the CLI send `debugPanic` instead of the real request. The
  // bridge must answer it and stay up until the CLI closes stdin: the CLI exits 0 silently when
  // the engine is already gone by the time it stops it.
  const r = await prismaWith(
    { configFile: config, env: { FORCE_PANIC_SCHEMA_ENGINE: "1" } },
    "migrate",
    "diff",
    "--from-config-datasource",
    "--to-schema",
    schema,
    "--exit-code",
  );
  assert.equal(r.code, 1, r.output);
  assert.match(r.stderr, /Schema engine panicked: .*debugPanic artificial panic/s, r.output);
});

test("migrate status reports the database as up to date", async () => {
  const r = await prisma("migrate", "status");
  assert.equal(r.code, 0, r.output);
  assert.match(r.stdout, /Database schema is up to date!/, r.output);
});
