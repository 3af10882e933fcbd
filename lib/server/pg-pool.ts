import 'server-only';
// A plain node-postgres pool beside Prisma's, for the few hot or bulk paths that skip Prisma (as
// they use better-sqlite3 directly on SQLite): the credential and routing-generation reads on every
// request, and Directory Import's writer.
import pg from 'pg';
import { databaseUrl } from '@/scripts/db-url.mjs';

const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * Prisma writes DateTime as UTC into `timestamp(3)` columns (no time zone); node-postgres would
 * read those as local time. Read them as UTC, as Prisma does.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    if (oid === TIMESTAMPTZ) return (value: string) => new Date(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const holder = globalThis as unknown as { xadmPgPool?: { url: string; pool: pg.Pool } };

/** The pool for DATABASE_URL (a PostgreSQL URL), made on first use. */
export function pgPool(): pg.Pool {
  const url = databaseUrl();
  if (!holder.xadmPgPool || holder.xadmPgPool.url !== url) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.XADM_PG_RAW_POOL_SIZE || 4), types });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    holder.xadmPgPool = { url, pool };
  }
  return holder.xadmPgPool.pool;
}

/** The current time as `timestamp(3)` text in UTC, as Prisma writes DateTime on PostgreSQL. */
export function pgTimestamp(date = new Date()): string {
  return date.toISOString().slice(0, -1);
}

/** Closes the pool if one was made (scripts, tests): idle connections would keep the process alive. */
export async function closePgPool(): Promise<void> {
  const held = holder.xadmPgPool;
  holder.xadmPgPool = undefined;
  await held?.pool.end();
}
