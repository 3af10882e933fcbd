import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PrismaPgClient } from '@/lib/generated/prisma-pg/client';
// The same DATABASE_URL resolution as the migration and seed scripts.
import { databaseProvider, databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';

export type DatabaseProvider = 'sqlite' | 'postgresql';

/** Which database DATABASE_URL names: SQLite for a file: URL or none, PostgreSQL for postgresql://. */
export const provider: DatabaseProvider = databaseProvider(databaseUrl());

/**
 * One PrismaClient type for both databases. Prisma generates a client per provider
 * (lib/generated/prisma for SQLite, lib/generated/prisma-pg for PostgreSQL) from the same models
 * (prisma/postgresql/schema.prisma is written from prisma/schema.prisma), so their model APIs
 * are the same; the code is typed against the SQLite one and uses only what both support.
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (provider === 'postgresql') {
    // A pool per app instance; several instances share nothing but the database.
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.XADM_PG_POOL_SIZE || 10) });
    return new PrismaPgClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqlitePath(url)}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next.js dev re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { xadmDb?: PrismaClient };
export const db: PrismaClient = globalForDb.xadmDb ?? (globalForDb.xadmDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The PostgreSQL advisory lock that orders the console's writes (serializeWrites). */
export const WRITE_LOCK_KEY = 4_206_552;

/**
 * Call first in every transaction that changes the directory or the configuration. SQLite lets one
 * writer at a time into the file, and the console's checks rely on that: a free address is still
 * free when written (Site Addressing picks bob2@ instead), a version read is still current when
 * the save lands (no lost update), the last Permissions Admin is still the last. PostgreSQL runs
 * writers side by side (READ COMMITTED), across every app instance: a transaction-scoped advisory
 * lock gives them the same one-at-a-time order. Readers never wait for it. Directory Import's
 * PostgreSQL writer takes the same lock.
 */
export async function serializeWrites(tx: Tx): Promise<void> {
  if (provider === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
}
