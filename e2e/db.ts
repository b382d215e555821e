import pg from "pg";

// Read-only looks into the test database, to check that a refused request changed nothing (every
// change to a target goes through the server; this only reads). The runner passes DATABASE_URL.

let pool: pg.Pool | null = null;
function db(): pg.Pool {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set (run the e2e tests with `npm test -- e2e`)");
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  return pool;
}

export async function queryOne<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
  const { rows } = await db().query(sql, params);
  return rows[0] as T | undefined;
}

export async function userId(email: string): Promise<string> {
  const row = await queryOne<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** What a sweep call must leave as it was. */
export type Target = { record: string } | { series: string } | { user: string } | { email: string } | { none: string };

const md5 = (sql: string) => `SELECT md5(coalesce((${sql}), '')) AS h`;

/**
 * A digest of everything a call could change about the target: for a record its row, rows,
 * versions, comments, reviews, audit entries and its series' rounds; for a series its rounds; for
 * an account its whole row (password hash, session version, invitation…); for a nonexistent id,
 * whether any row or audit entry now carries it.
 */
export async function fingerprint(target: Target): Promise<string> {
  const parts: [string, unknown[]][] = [];
  if ("record" in target) {
    const id = target.record;
    parts.push(
      [md5(`SELECT row_to_json(c)::text FROM "Consultation" c WHERE id::text = $1`), [id]],
      [md5(`SELECT string_agg(row_to_json(o)::text, '|' ORDER BY id) FROM "Outcome" o WHERE "consultationId"::text = $1`), [id]],
      [md5(`SELECT string_agg(version::text, ',' ORDER BY version) FROM "ConsultationVersion" WHERE "consultationId"::text = $1`), [id]],
      [md5(`SELECT string_agg(row_to_json(m)::text, '|' ORDER BY id) FROM "Comment" m WHERE "consultationId"::text = $1`), [id]],
      [md5(`SELECT string_agg(row_to_json(r)::text, '|' ORDER BY id) FROM "Review" r WHERE "consultationId"::text = $1`), [id]],
      [md5(`SELECT string_agg(id::text, ',' ORDER BY id) FROM "AuditLog" WHERE "entityId" = $1`), [id]],
      [md5(`SELECT string_agg(id::text, ',' ORDER BY id) FROM "Consultation" WHERE "seriesId" = (SELECT "seriesId" FROM "Consultation" WHERE id::text = $1)`), [id]],
    );
  } else if ("series" in target) {
    parts.push([md5(`SELECT string_agg(row_to_json(c)::text, '|' ORDER BY id) FROM "Consultation" c WHERE "seriesId"::text = $1`), [target.series]]);
  } else if ("user" in target) {
    parts.push(
      [md5(`SELECT row_to_json(u)::text FROM "User" u WHERE id::text = $1`), [target.user]],
      [md5(`SELECT string_agg(id::text, ',' ORDER BY id) FROM "AuditLog" WHERE "entityId" = $1`), [target.user]],
    );
  } else if ("email" in target) {
    parts.push([md5(`SELECT row_to_json(u)::text FROM "User" u WHERE email = lower($1)`), [target.email]]);
  } else {
    parts.push([
      `SELECT ((SELECT count(*) FROM "AuditLog" WHERE "entityId" = $1) + (SELECT count(*) FROM "Consultation" WHERE id::text = $1)
        + (SELECT count(*) FROM "Comment" WHERE id::text = $1) + (SELECT count(*) FROM "User" WHERE id::text = $1))::text AS h`,
      [target.none],
    ]);
  }
  const out: string[] = [];
  for (const [sql, params] of parts) out.push((await queryOne<{ h: string }>(sql, params))?.h ?? "");
  return out.join(" ");
}
