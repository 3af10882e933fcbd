// Offline Prisma Migrate for xadm, for both databases (the Prisma CLI's native schema engine
// cannot be downloaded here, ../shared/TOOLCHAIN.md). Migrations keep the standard layout and the
// `_prisma_migrations` bookkeeping table, so `prisma migrate deploy` works on a connected machine:
//   SQLite      prisma/schema.prisma             prisma/migrations/<stamp>_<name>/migration.sql
//   PostgreSQL  prisma/postgresql/schema.prisma  prisma/postgresql/migrations/<stamp>_<name>/migration.sql
// prisma/schema.prisma is the one to edit; the PostgreSQL schema is written from it.
//
//   node --experimental-wasm-modules scripts/migrate.mjs deploy          apply pending migrations to DATABASE_URL
//   node --experimental-wasm-modules scripts/migrate.mjs create NAME     write both databases' migrations for schema changes
//   node --experimental-wasm-modules scripts/migrate.mjs check           exit 1 when migrations ≠ schema (either database)
//
// `create` and `check` replay the PostgreSQL migrations on a shadow database: on XADM_TEST_PG_URL's
// server when set, else on DATABASE_URL's when it is PostgreSQL, else on a throwaway cluster
// (scripts/pg-cluster.mjs).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseProvider, databaseUrl, describeDatabase, sqlitePath } from './db-url.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const SCHEMA = {
  sqlite: path.join(root, 'prisma', 'schema.prisma'),
  postgresql: path.join(root, 'prisma', 'postgresql', 'schema.prisma'),
};
const MIGRATIONS = {
  sqlite: path.join(root, 'prisma', 'migrations'),
  postgresql: path.join(root, 'prisma', 'postgresql', 'migrations'),
};

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// Prisma Migrate's own table for PostgreSQL.
const POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any number: one deploy at a time per database when several app instances start together. */
const DEPLOY_LOCK = 4_206_551;

/** prisma/postgresql/schema.prisma's text: schema.prisma for provider postgresql and its own client. */
export function postgresSchemaText() {
  const source = fs.readFileSync(SCHEMA.sqlite, 'utf8');
  const text = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../lib/generated/prisma"', 'output       = "../../lib/generated/prisma-pg"');
  if (text === source || !text.includes('prisma-pg')) throw new Error('prisma/schema.prisma: cannot find its datasource provider or generator output');
  return `// Written from ../schema.prisma by scripts/migrate.mjs (and npm install): do not edit.\n${text}`;
}

/** Writes prisma/postgresql/schema.prisma when it differs from what schema.prisma gives. */
export function writePostgresSchema() {
  const text = postgresSchemaText();
  if (!fs.existsSync(SCHEMA.postgresql) || fs.readFileSync(SCHEMA.postgresql, 'utf8') !== text) {
    fs.mkdirSync(path.dirname(SCHEMA.postgresql), { recursive: true });
    fs.writeFileSync(SCHEMA.postgresql, text);
  }
}

export function listMigrations(provider = 'sqlite') {
  const dir = MIGRATIONS[provider];
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies every migration not yet recorded to the database of `url` (DATABASE_URL by default),
 * each in its own transaction. Returns the names applied.
 */
export async function deploy(url = databaseUrl()) {
  return databaseProvider(url) === 'sqlite' ? deploySqlite(sqlitePath(url)) : deployPostgres(url);
}

function deploySqlite(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    // Write-ahead logging (kept in the file): readers are never blocked by a writer, so the console
    // keeps answering while a Directory Import's transaction is open, and a killed import's
    // uncommitted pages are simply dropped.
    db.pragma('journal_mode = WAL');
    db.exec(SQLITE_MIGRATIONS_TABLE);
    const applied = new Map(
      db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL').all()
        .map((row) => [row.migration_name, row.checksum]),
    );
    const done = [];
    for (const migration of pending(listMigrations('sqlite'), applied)) {
      db.transaction(() => {
        db.exec(migration.sql);
        if (migration.name.endsWith('_search_keys_and_import_jobs')) backfillSearchKeys(db);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES (?, ?, ?, ?, 1, ?)`,
        ).run(crypto.randomUUID(), migration.checksum, new Date().toISOString(), migration.name, new Date().toISOString());
      })();
      done.push(migration.name);
    }
    return done;
  } finally {
    db.close();
  }
}

function pending(migrations, applied) {
  return migrations.filter((migration) => {
    if (!applied.has(migration.name)) return true;
    if (applied.get(migration.name) !== migration.checksum) console.warn(`warning: migration ${migration.name} was modified after it was applied`);
    return false;
  });
}

/** lowerCaseKey of lib/core/search-keys.ts (a test keeps the two equal). */
export const searchKey = (value) => value.normalize('NFC').toLowerCase();

/** SQLite's lower() folds ASCII only: recompute the keys of rows that existed before the keys did. */
function backfillSearchKeys(db) {
  const recipient = db.prepare('UPDATE "Recipient" SET "displayNameKey" = ?, "aliasKey" = ? WHERE "id" = ?');
  for (const r of db.prepare('SELECT "id", "displayName", "alias", "displayNameKey", "aliasKey" FROM "Recipient"').iterate()) {
    if (r.displayNameKey !== searchKey(r.displayName) || r.aliasKey !== searchKey(r.alias)) recipient.run(searchKey(r.displayName), searchKey(r.alias), r.id);
  }
  const proxy = db.prepare('UPDATE "ProxyAddress" SET "addressKey" = ? WHERE "id" = ?');
  for (const p of db.prepare('SELECT "id", "address", "addressKey" FROM "ProxyAddress"').iterate()) {
    if (p.addressKey !== searchKey(p.address)) proxy.run(searchKey(p.address), p.id);
  }
}

async function deployPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Several app instances may start at once: one applies, the others then find nothing to do.
    await client.query('SELECT pg_advisory_lock($1)', [DEPLOY_LOCK]);
    await client.query('SET client_min_messages = warning');
    await client.query(POSTGRES_MIGRATIONS_TABLE);
    const { rows } = await client.query('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL');
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const done = [];
    for (const migration of pending(listMigrations('postgresql'), applied)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count, started_at) VALUES ($1, $2, now(), $3, 1, now())`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${error.message}`);
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end();
  }
}

/** Runs `work(serverUrl)` with a PostgreSQL server for shadow databases (see the header). */
async function withPostgresServer(work) {
  const given = process.env.XADM_TEST_PG_URL || (databaseProvider() === 'postgresql' ? databaseUrl() : null);
  if (given) return work(given);
  const { startCluster, stopCluster } = await import('./pg-cluster.mjs');
  const cluster = await startCluster();
  try {
    return await work(cluster.url);
  } finally {
    stopCluster(cluster.dir);
  }
}

/** `url` with another database name. */
export function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates an empty database on `serverUrl`'s server, runs work(url of it), drops it. */
export async function withScratchDatabase(serverUrl, work) {
  const { default: pg } = await import('pg');
  const name = `xadm_shadow_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await work(withDatabase(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function schemaEngine(provider, adapterFactory) {
  const [{ SchemaEngine }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
    import('@prisma/schema-engine-wasm'),
    import('@prisma/driver-adapter-utils'),
  ]);
  const schema = provider === 'sqlite' ? fs.readFileSync(SCHEMA.sqlite, 'utf8') : postgresSchemaText();
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(adapterFactory));
  return { engine, files: [{ path: 'schema.prisma', content: schema }] };
}

async function diffAgainstSchema({ engine, files }) {
  const result = await engine.diff({
    from: { tag: 'schemaDatasource', files, configDir: root },
    to: { tag: 'schemaDatamodel', files },
    script: true,
    shadowDatabaseUrl: null,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = result.stdout ?? '';
  return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
}

/** The SQL that takes a database holding all current migrations to the schema ('' when none). */
export async function pendingSchemaDiff(provider = 'sqlite') {
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    const shadowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-shadow-'));
    const shadowFile = path.join(shadowDir, 'shadow.db');
    try {
      const shadow = new Database(shadowFile);
      for (const migration of listMigrations('sqlite')) shadow.exec(migration.sql);
      shadow.close();
      return await diffAgainstSchema(await schemaEngine('sqlite', new PrismaBetterSqlite3({ url: `file:${shadowFile}` })));
    } finally {
      fs.rmSync(shadowDir, { recursive: true, force: true });
    }
  }
  const { PrismaPg } = await import('@prisma/adapter-pg');
  await readCharColumnsAsText();
  return withPostgresServer((server) =>
    withScratchDatabase(server, async (url) => {
      await deployPostgres(url);
      return diffAgainstSchema(await schemaEngine('postgresql', new PrismaPg({ connectionString: url })));
    }),
  );
}

/**
 * The schema engine describes a PostgreSQL schema from pg_catalog, whose flag columns have the
 * one-byte type "char" (OID 18); @prisma/adapter-pg 7.10 has no mapping for it and fails with
 * "Column type 'char' could not be deserialized". pg reads such a value as a string already, so
 * in this process (the migration tool only, never the app) its results report them as text.
 */
let charPatched = false;
async function readCharColumnsAsText() {
  if (charPatched) return;
  charPatched = true;
  const { default: pg } = await import('pg');
  const query = pg.Client.prototype.query;
  const asText = (value) => {
    for (const field of value?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return value;
  };
  pg.Client.prototype.query = function patchedQuery(...args) {
    // pg.Pool passes a callback; a direct call gets a promise.
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last];
      args[last] = (error, value) => callback(error, error ? value : asText(value));
    }
    const result = query.apply(this, args);
    return result && typeof result.then === 'function' ? result.then(asText) : result;
  };
}

/**
 * Every text column of a PostgreSQL migration is created COLLATE "C": byte order, as SQLite's
 * BINARY, so sorts and prefix ranges (lib/core/search-keys.ts) give the same rows on both
 * databases, and a range over an index is right whatever the database's default collation.
 */
export function collateC(sql) {
  return sql.replace(/^(\s+"\w+" TEXT)(?! COLLATE)/gm, '$1 COLLATE "C"').replace(/(ADD COLUMN "\w+" TEXT)(?! COLLATE)/g, '$1 COLLATE "C"');
}

function lockFile(provider) {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === 'deploy') {
    const done = await deploy();
    const where = describeDatabase();
    console.log(done.length ? `Applied ${done.length} migration(s) to ${where}: ${done.join(', ')}` : `Database ${where} is up to date.`);
  } else if (command === 'create') {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: migrate.mjs create name_in_snake_case');
    writePostgresSchema();
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    for (const provider of ['sqlite', 'postgresql']) {
      let sql = await pendingSchemaDiff(provider);
      if (!sql) {
        console.log(`${provider}: the schema matches the migrations, nothing to create.`);
        continue;
      }
      if (provider === 'postgresql') sql = collateC(sql);
      const dir = path.join(MIGRATIONS[provider], `${stamp}_${name}`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
      fs.writeFileSync(path.join(MIGRATIONS[provider], 'migration_lock.toml'), lockFile(provider));
      console.log(`Created ${path.relative(root, dir)}/migration.sql`);
    }
  } else if (command === 'check') {
    let failed = false;
    if (!fs.existsSync(SCHEMA.postgresql) || fs.readFileSync(SCHEMA.postgresql, 'utf8') !== postgresSchemaText()) {
      console.error('prisma/postgresql/schema.prisma is not what prisma/schema.prisma gives: run npm run db:migration:create NAME (or npm install).');
      failed = true;
    }
    for (const provider of ['sqlite', 'postgresql']) {
      const sql = await pendingSchemaDiff(provider);
      if (sql) {
        console.error(`${path.relative(root, MIGRATIONS[provider])} does not produce the schema; missing:\n${sql}`);
        failed = true;
      }
    }
    if (failed) process.exit(1);
    console.log('Migrations match schema.prisma (SQLite and PostgreSQL).');
  } else {
    console.error('usage: migrate.mjs deploy | create NAME | check');
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
