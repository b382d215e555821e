import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/env";
import { logger } from "@/lib/logger";

function createPrisma() {
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener an idle client's error (e.g. PostgreSQL restarting) crashes the process.
  pool.on("error", (error) => logger.warn({ err: error.message }, "postgres pool client error"));
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { user: { passwordHash: true } },
  });
  return { pool, client };
}

type Db = ReturnType<typeof createPrisma>;
const globalForDb = globalThis as unknown as { readoutDb?: Db };

// One client per process; dev-server hot reloads would otherwise open a new pool each time.
const db = globalForDb.readoutDb ?? createPrisma();
if (process.env.NODE_ENV !== "production") globalForDb.readoutDb = db;

export const prisma = db.client;
export const pool = db.pool;
export type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
