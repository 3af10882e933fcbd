// The benchmark's own database access, outside the app (plain tsx, no `server-only`): one small
// interface over better-sqlite3 (a file: URL) and node-postgres (a postgresql:// URL), and the
// bench's databases: a SQLite file in the run's temporary directory, or a database on the bench's
// PostgreSQL cluster.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseProvider, sqlitePath } from '../db-url.mjs';
import { withDatabase } from '../migrate.mjs';
import { root } from '../next-build.mjs';

export type Provider = 'sqlite' | 'postgresql';
export const PROVIDER_LABEL: Record<Provider, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

/** Rows of one query; `?` placeholders on both databases (numbered for PostgreSQL here). */
export type SqlClient = {
  provider: Provider;
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
};

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export async function connect(url: string): Promise<SqlClient> {
  if (databaseProvider(url) === 'sqlite') {
    const db = new Database(sqlitePath(url));
    db.pragma('busy_timeout = 10000');
    return {
      provider: 'sqlite',
      all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
      exec: async (sql: string) => {
        db.exec(sql);
      },
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    provider: 'postgresql',
    all: async <T>(sql: string, params: unknown[] = []) => (await client.query(numbered(sql), params)).rows as T[],
    exec: async (sql: string) => void (await client.query(sql)),
    close: () => client.end(),
  };
}

/** Where one run keeps its databases: a temporary directory (SQLite) and the bench cluster (PostgreSQL). */
export type BenchPlace = { tempDir: string; pgServerUrl: string | null };

/** An empty database named `name` (a fresh file, or a dropped and re-created PostgreSQL database); its URL. */
export async function freshDatabase(place: BenchPlace, provider: Provider, name: string): Promise<string> {
  if (provider === 'sqlite') {
    const file = path.join(place.tempDir, `${name}.db`);
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    return `file:${file}`;
  }
  if (!place.pgServerUrl) throw new Error('no PostgreSQL cluster for the bench');
  const admin = new pg.Client({ connectionString: place.pgServerUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(place.pgServerUrl, name);
}

/** The database's size on disk, in bytes (the SQLite file with its WAL; pg_database_size). */
export async function databaseBytes(url: string): Promise<number> {
  if (databaseProvider(url) === 'sqlite') {
    const file = sqlitePath(url);
    return ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
  }
  const client = await connect(url);
  try {
    const [row] = await client.all<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    return Number(row.bytes);
  } finally {
    await client.close();
  }
}

const tsxCli = () => createRequire(import.meta.url).resolve('tsx/cli');

/** A script of the project in a child process with DATABASE_URL set; its output, or an error with it. */
export function runScript(what: string, args: string[], url: string, env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: url, NODE_OPTIONS: '', NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** `npm run db:migrate`. */
export const migrate = (url: string) => runScript('migrate deploy', ['--experimental-wasm-modules', '--no-warnings', path.join('scripts', 'migrate.mjs'), 'deploy'], url);

/** `npm run db:seed` with XADM_SEED=empty: ADATUM / REDMOND / Site Addressing / Administrator, and the `admin` account. */
export const seedEmpty = (url: string) => runScript('seed (XADM_SEED=empty)', [tsxCli(), '--conditions=react-server', path.join('prisma', 'seed.ts')], url, { XADM_SEED: 'empty' });

/** `npm run seed:large`: the 100,000-recipient organisation through Directory Import. */
export const seedLarge = (url: string) => runScript('seed:large', [tsxCli(), '--conditions=react-server', path.join('scripts', 'seed-large.ts')], url);

/** An API token for `admin`, made as a script's would be (`npm run admin -- create-token`). */
export function createToken(url: string): string {
  const out = runScript('npm run admin -- create-token', [tsxCli(), '--conditions=react-server', path.join('scripts', 'admin.ts'), 'create-token', 'admin', '--name', 'bench'], url);
  const token = /xadm_\S+/.exec(out)?.[0];
  if (!token) throw new Error(`npm run admin -- create-token printed no token:\n${out}`);
  return token;
}
