import 'server-only';
import { provider } from '@/lib/server/db';
import { pgPool } from '@/lib/server/pg-pool';

const SEED_LOCK_KEY = 4_206_553;

/**
 * Runs the first-start seeding alone. Several app instances started together against one empty
 * PostgreSQL database would otherwise each find it empty and seed it: the others wait here, then
 * find the organization and the first administrator already there. (One SQLite file is one
 * `npm start`; its seeding needs no lock.)
 */
export async function whileSeedingAlone<T>(work: () => Promise<T>): Promise<T> {
  if (provider !== 'postgresql') return work();
  const client = await pgPool().connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
