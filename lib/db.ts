import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";
import { logger } from "@/lib/logger";
import { markDatabaseAvailable, markDatabaseUnavailable } from "@/lib/db-status";

function createPrisma() {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener an idle client's error (e.g. PostgreSQL restarting) crashes the process.
  pool.on("error", (error) => {
    markDatabaseUnavailable();
    logger.warn({ err: error.message }, "postgres pool client error");
  });
  // A new connection succeeded: the database is back (lib/request-gate.ts stops answering 503).
  pool.on("connect", () => markDatabaseAvailable());
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true, totpSecret: true, totpPendingSecret: true } },
    // A transaction waits for a connection as long as the pool does (Prisma's own default is 2 s):
    // under a burst of saves a save queues behind the others instead of failing.
    transactionOptions: { maxWait: 5_000 },
  });
  return { pool, client };
}

type Db = ReturnType<typeof createPrisma>;
const globalForDb = globalThis as unknown as { readoutDb?: Db };

// One client per process, kept on globalThis so dev-server reloads do not open a pool each
// time; created on first use so that `next build` can import this module without a database.
function db(): Db {
  globalForDb.readoutDb ??= createPrisma();
  return globalForDb.readoutDb;
}

function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_target, prop) {
      const target = get();
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const prisma = lazy(() => db().client);
export const pool = lazy(() => db().pool);
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
