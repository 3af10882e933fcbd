import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
// The same DATABASE_URL resolution as the migration and seed scripts.
import { databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: `file:${sqlitePath(databaseUrl())}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next.js dev re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { xadmDb?: PrismaClient };
export const db: PrismaClient = globalForDb.xadmDb ?? (globalForDb.xadmDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
