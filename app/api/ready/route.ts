import { readdir } from "node:fs/promises";
import path from "node:path";
import { NextResponse } from "next/server";
import { pool } from "@/lib/db";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness, for a load balancer deciding whether to send this instance traffic: 200 only when
 * PostgreSQL answers within 2 s AND every migration this build ships has been applied (an
 * instance started before `migrate deploy` finished would fail on missing columns). Public on
 * purpose, like /api/health (liveness); it names no data, only which check failed.
 */
export async function GET() {
  const checks: Record<string, "ok" | "failed" | "pending"> = { database: "failed", migrations: "pending" };
  try {
    await withTimeout(pool.query("select 1"), 2_000);
    checks.database = "ok";
    const shipped = (await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const applied = await withTimeout(
      pool.query<{ migration_name: string }>(`select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null`),
      2_000,
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    checks.migrations = shipped.every((name) => done.has(name)) ? "ok" : "pending";
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "readiness check failed");
  }
  const ready = Object.values(checks).every((v) => v === "ok");
  return NextResponse.json({ status: ready ? "ready" : "not ready", checks }, { status: ready ? 200 : 503, headers: NO_STORE });
}
