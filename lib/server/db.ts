import 'server-only';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';

export const DEFAULT_DATABASE_URL = 'file:./data/xadm.db';

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith('file:')) {
    throw new Error('DATABASE_URL must be a file: URL (SQLite); PostgreSQL support comes later.');
  }
  const adapter = new PrismaBetterSqlite3({ url: `file:${path.resolve(url.slice('file:'.length))}`, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

// One client per process; Next.js dev re-evaluates modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { xadmDb?: PrismaClient };
export const db: PrismaClient = globalForDb.xadmDb ?? (globalForDb.xadmDb = createClient());

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
