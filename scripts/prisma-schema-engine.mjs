#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
//
// The Prisma 7 CLI downloads a native schema-engine before every migrate/db command, which
// cannot work here (no internet). It honours PRISMA_SCHEMA_ENGINE_BINARY, spawning that
// executable and speaking line-delimited JSON-RPC 2.0 with it over stdio. This script is
// such an executable: it runs the official WASM build of the same engine
// (@prisma/schema-engine-wasm, pinned to the CLI's engine hash) on top of @prisma/adapter-pg.
//
// Invocations (mirroring the native binary):
//   prisma-schema-engine [--datamodels <file>]... [--datasource <json>]   JSON-RPC on stdio
//   prisma-schema-engine --datasource <json> cli can-connect-to-database|create-database
//   prisma-schema-engine --version
// stdout carries only protocol messages; logs go to stderr as JSON lines (what the CLI parses).
import fs from "node:fs";
import readline from "node:readline";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
// Transitive dependencies, resolved through the packages that depend on them (not via hoisting).
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = createRequire(
  require.resolve("@prisma/adapter-pg"),
)("@prisma/driver-adapter-utils");
const { parse: parsePgUrl } = createRequire(require.resolve("pg"))("pg-connection-string");

const { values: args, positionals } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    version: { type: "boolean", short: "V" },
  },
});
const datasource = args.datasource ? JSON.parse(args.datasource) : {};

function log(level, message, fields = {}) {
  // Same shape as the native engine's tracing output; the CLI keeps the last ERROR line.
  process.stderr.write(
    JSON.stringify({ level, fields: { message, ...fields }, target: "schema_engine::logger" }) +
      "\n",
  );
}

// ---------------------------------------------------------------------------------------------
// Loading the WASM engine. The package's own entry uses `import x from './file.wasm'`, which
// plain Node cannot load, so instantiate the module ourselves and hand it to the JS glue.
function loadWasmEngine() {
  // The glue reports Rust panic messages here (`global.PRISMA_WASM_PANIC_REGISTRY.set_message`).
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    message: "",
    set_message(m) {
      this.message = m;
    },
  };
  const wasmPath = require
    .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
    .replace(/\.js$/, ".wasm");
  const wasmModule = new WebAssembly.Module(fs.readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return wasmBindings;
}

// ---------------------------------------------------------------------------------------------
// Driver adapter. Two adapter-pg 7.10 shortcomings are worked around here:
//  * it refuses result columns of Postgres' internal `"char"` type (OID 18), which the engine's
//    catalog queries return (pg_constraint.contype, confdeltype, confupdtype). They must reach
//    the engine as `Character` values, not text: it reads `contype` with `get_expect_char`, which
//    panics on a text value, i.e. as soon as the database has a CHECK or EXCLUDE constraint.
//    So let adapter-pg see text (pg already decodes the values as one-character strings), note
//    which columns those were, and retype them as Character in the result set it hands back;
//  * its executeScript splits scripts on every `;`, breaking migrations with `;` inside string
//    literals or function bodies: send the whole script as one simple-protocol query instead,
//    like the native engine does.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
// pg result rows → indexes of its `"char"` columns. adapter-pg returns the very `rows` array.
const charColumnsByRows = new WeakMap();
function relabelCharColumns(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (r?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.push(index);
    });
    if (charColumns.length && r.rows) charColumnsByRows.set(r.rows, charColumns);
  }
  return result;
}
function withCharacterColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByRows.get(resultSet.rows) ?? [])
      resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
  return queryable;
}
class CatalogFriendlyClient extends pg.Client {
  query(...queryArgs) {
    const cbIndex = queryArgs.findLastIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const callback = queryArgs[cbIndex];
      queryArgs[cbIndex] = (err, res) => callback(err, err ? res : relabelCharColumns(res));
      return super.query(...queryArgs);
    }
    const out = super.query(...queryArgs);
    return out instanceof Promise ? out.then(relabelCharColumns) : out;
  }
}

const openAdapters = new Set(); // disposed on shutdown so that no pg pool outlives the process

async function connectPg(pgConfig) {
  // Like the native engine, honour `?schema=` both for the engine (adapter option) and for the
  // unqualified SQL in migration scripts (search_path).
  const { schema } = pgConfig;
  const options = schema
    ? `${pgConfig.options ?? ""} -c search_path="${schema}"`.trim()
    : pgConfig.options;
  const adapter = await new PrismaPg(
    { ...pgConfig, options, Client: CatalogFriendlyClient },
    { schema },
  ).connect();
  withCharacterColumns(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...txArgs) =>
    withCharacterColumns(await startTransaction(...txArgs));
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error); // rethrows as DriverAdapterError, i.e. a proper Prisma error code
    }
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    openAdapters.delete(adapter);
    await dispose();
  };
  openAdapters.add(adapter);
  return adapter;
}

// Implements SqlMigrationAwareDriverAdapterFactory, as PrismaPg does, but with the fixes above,
// honouring `shadowDatabaseUrl`, and closing the temporary shadow database's pool *before*
// dropping it (adapter-pg drops first, which fails while its connections are still open).
class PgAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";
  constructor(url, shadowUrl) {
    this.config = parsePgUrl(url);
    this.shadowConfig = shadowUrl ? parsePgUrl(shadowUrl) : null;
  }
  connect() {
    return connectPg(this.config);
  }
  async connectToShadowDb() {
    if (this.shadowConfig) {
      // A configured shadow database is reused, so wipe it first as the native engine does
      // (the WASM engine does not, and would replay migrations on top of the previous run's).
      const shadow = await connectPg(this.shadowConfig);
      const schema = (this.shadowConfig.schema ?? "public").replaceAll("'", "''");
      await shadow.executeScript(`DO $$ DECLARE s name; BEGIN
        FOR s IN SELECT nspname FROM pg_namespace
          WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
          EXECUTE format('DROP SCHEMA %I CASCADE', s);
        END LOOP;
        EXECUTE format('CREATE SCHEMA %I', '${schema}');
      END $$`);
      return shadow;
    }
    const admin = await this.connect();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await connectPg({ ...this.config, database });
    const disposeShadow = shadow.dispose;
    shadow.dispose = async () => {
      try {
        await disposeShadow();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      } finally {
        await admin.dispose();
      }
    };
    return shadow;
  }
}

// ---------------------------------------------------------------------------------------------
// `cli <command>` mode: one-shot commands the CLI runs before `migrate dev` / `db push`.
// On failure the CLI parses stderr *after its first line* as JSON log lines and looks for an
// ERROR from target schema_engine::logger with `error_code` (P1003 = database does not exist,
// which makes it call `create-database`).
async function runCliCommand(command) {
  const config = parsePgUrl(datasource.url ?? "");
  const where = `${config.host || "localhost"}:${config.port || 5432}`;
  const tryConnect = async (database) => {
    const client = new pg.Client({ ...config, database });
    await client.connect();
    return client;
  };
  let client;
  try {
    if (command === "can-connect-to-database") {
      client = await tryConnect(config.database);
    } else if (command === "create-database") {
      client = await tryConnect("postgres").catch(() => tryConnect("template1"));
      await client.query(`CREATE DATABASE "${config.database.replaceAll('"', '""')}"`);
      process.stdout.write(`Database '${config.database}' was successfully created.\n`);
    } else {
      throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    // The user-facing error codes/messages of the native engine for the usual failures.
    const db = `\`${config.database}\``;
    const unreachable = ["P1001", `Can't reach database server at \`${where}\``];
    const badLogin = [
      "P1000",
      `Authentication failed against database server at \`${where}\`, the provided database credentials for \`${config.user}\` are not valid.`,
    ];
    const known = {
      "3D000": ["P1003", `Database ${db} does not exist on the database server at \`${where}\`.`],
      "42P04": ["P1009", `Database ${db} already exists on the database server at \`${where}\``],
      "28P01": badLogin,
      28000: badLogin,
      ECONNREFUSED: unreachable,
      ENOTFOUND: unreachable,
      ETIMEDOUT: unreachable,
      EHOSTUNREACH: unreachable,
    }[error.code] ?? [undefined, error.message];
    log("INFO", `Running cli command ${command}`); // sacrificial first line, skipped by the CLI
    log("ERROR", known[1], known[0] ? { error_code: known[0] } : {});
    return 1;
  } finally {
    await client?.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC mode.
const send = (message) =>
  process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...message }) + "\n");

// Engine → CLI requests (only `print`, used by `migrate diff` to write its output).
let nextOutgoingId = 1;
const pendingOutgoing = new Map();
function requestCli(method, params) {
  const id = nextOutgoingId++;
  send({ id, method, params });
  return new Promise((resolve) => pendingOutgoing.set(id, resolve));
}

let enginePromise;
function getEngine() {
  enginePromise ??= (async () => {
    const { SchemaEngine } = loadWasmEngine();
    if (!datasource.url)
      throw new Error("No datasource URL given (`datasource.url` in prisma.config.ts).");
    const datamodels = (args.datamodels ?? []).map((file) => [file, fs.readFileSync(file, "utf8")]);
    const factory = bindMigrationAwareSqlAdapterFactory(
      new PgAdapterFactory(datasource.url, datasource.shadowDatabaseUrl),
    );
    // The engine's tracing output is already JSON lines, in the format the CLI reads from stderr.
    const onLog = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
    return SchemaEngine.new(
      { datamodels: datamodels.length ? datamodels : undefined },
      onLog,
      factory,
    );
  })();
  return enginePromise;
}

// JSON-RPC methods served by the engine method of the same name.
const ENGINE_METHODS = new Set(
  `applyMigrations createMigration dbExecute debugPanic devDiagnostic diagnoseMigrationHistory
  ensureConnectionValidity evaluateDataLoss introspect introspectSql markMigrationApplied
  markMigrationRolledBack reset schemaPush`.split(/\s+/),
);

async function dispatch(method, params) {
  const engine = await getEngine();
  if (method === "diff") {
    // The native engine prints the diff through the CLI; the WASM engine returns it instead.
    const result = await engine.diff(params);
    if (typeof result.stdout === "string") await requestCli("print", { content: result.stdout });
    return { ...result, stdout: null };
  }
  if (method === "getDatabaseVersion") return engine.version(undefined); // params only matter natively
  if ((method === "evaluateDataLoss" || method === "createMigration") && params.migrationsList) {
    // Unlike the native engine, the WASM one gives these two no shadow-database factory: they only
    // read the schema of the migration history from a cache that devDiagnostic fills. `migrate dev`
    // does call devDiagnostic first, but on a database without applied migrations that skips the
    // shadow database, so warm the cache here (a cheap cache hit when already warm).
    await engine
      .devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters })
      .catch(() => {});
  }
  if (!ENGINE_METHODS.has(method))
    throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
  return (await engine[method](params)) ?? {};
}

const isPanic = (error) => error?.name === "RuntimeError";
const panicMessage = (error) => globalThis.PRISMA_WASM_PANIC_REGISTRY?.message || String(error);

// Error payload in the native engine's format: the CLI reads error.data.{is_panic,message,error_code}.
function toRpcError(error) {
  if (isPanic(error)) {
    // A Rust panic: the real message was captured by the panic hook. The instance is unusable now.
    // The CLI shows only the top-level message of a panic (unless DEBUG is set), so put it there.
    const message = panicMessage(error);
    return {
      code: 4466,
      message: `Schema engine panicked: ${message}`,
      data: { is_panic: true, message, backtrace: error.stack },
    };
  }
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  const data = {
    is_panic: false,
    message: error?.message ?? String(error),
    meta: error?.meta ?? null,
  };
  if (error?.code && /^P\d{4}$/.test(error.code)) data.error_code = error.code;
  return { code: 4466, message: "An error happened. Check the data field for details.", data };
}

// Every request must get an answer, and the process must not exit before the CLI closes stdin:
// the CLI stops the engine in a `finally` and waits for its `exit` event, so an engine that is
// already gone makes the CLI exit 0 silently, as if there were no difference. The WASM glue
// throws some failures outside the promise of the engine call, e.g. a Rust panic inside a
// spawned future (that promise then never settles) or params it cannot deserialize: those
// arrive in `failInFlight` (see serveRpc) and answer the request in progress.
let failInFlight = null;
let panicked = null; // after a Rust panic the WASM instance is unusable: refuse further calls

async function handleRequest({ id, method, params }) {
  try {
    if (panicked) throw panicked;
    const failedOutside = new Promise((_, reject) => (failInFlight = reject));
    send({ id, result: await Promise.race([dispatch(method, params ?? {}), failedOutside]) });
  } catch (error) {
    if (isPanic(error)) panicked ??= error;
    log("ERROR", isPanic(error) ? panicMessage(error) : (error?.message ?? String(error)));
    send({ id, error: toRpcError(error) });
  } finally {
    failInFlight = null;
  }
}

let shuttingDown = false;
async function shutdown(exitCode = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  setTimeout(() => process.exit(exitCode), 5000).unref(); // never hang on a stuck pool
  await Promise.allSettled([...openAdapters].map((adapter) => adapter.dispose()));
  process.exit(exitCode);
}

function serveRpc() {
  let queue = Promise.resolve(); // the engine takes `&mut self`: one request at a time
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      return log("ERROR", `Could not parse JSON-RPC message: ${line.slice(0, 200)}`);
    }
    if (message.method === undefined) {
      // A response to one of our own requests (`print`).
      pendingOutgoing.get(message.id)?.(message);
      pendingOutgoing.delete(message.id);
      return;
    }
    queue = queue.then(() => handleRequest(message));
  });
  // The CLI ends stdin (and then sends SIGTERM) once done: finish in-flight work, close pools, exit.
  lines.on("close", () => queue.then(() => shutdown(0)));
  process.on("SIGTERM", () => queue.then(() => shutdown(0)));
  process.on("SIGINT", () => shutdown(130));
  // Errors thrown outside the engine's promises (see handleRequest): fail the request in
  // progress with them; keep serving (or refusing, after a panic) until the CLI closes stdin.
  const onStrayError = (error) => {
    if (isPanic(error)) panicked ??= error;
    if (failInFlight) failInFlight(error);
    else log("ERROR", error?.message ?? String(error));
  };
  process.on("uncaughtException", onStrayError);
  process.on("unhandledRejection", onStrayError);
}

if (args.version) {
  process.stdout.write(`schema-engine-cli ${loadWasmEngine().version()}\n`);
} else if (positionals[0] === "cli") {
  process.exitCode = await runCliCommand(positionals[1]);
} else {
  serveRpc();
}
