// A throwaway database with the migrations applied, on the configured local server (or an
// embedded one), for test and benchmark runs. Never on a remote host.
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-pg.mjs";
import { NODE, run } from "./run.mjs";

const LOCAL = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function createFreshDatabase(config, { prefix, log = console.log }) {
  let embedded;
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: `${config.READOUT_DATA_DIR}/test`, port: config.EMBEDDED_PG_PORT + 1, database: "postgres", log });
    serverUrl = embedded.url;
  }
  const host = new URL(serverUrl).hostname;
  if (!LOCAL.has(host)) throw new Error(`refusing to run against a non-local database host (${host}); this creates and drops databases.`);

  const withDb = (name) => Object.assign(new URL(serverUrl), { pathname: `/${name}` }).href;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: withDb("postgres") });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  await admin(`create database "${name}"`);
  const url = withDb(name);
  return {
    name,
    url,
    withDb,
    migrate: () => run(NODE, ["scripts/prisma.mjs", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] }),
    async drop() {
      if (!process.env.KEEP_TEST_DB) await admin(`drop database if exists "${name}" with (force)`).catch(() => {});
      if (embedded) await embedded.stop();
    },
  };
}
