// Offline Prisma Migrate for xadm (the Prisma CLI's native schema engine cannot be downloaded
// here, ../shared/TOOLCHAIN.md). Migrations keep the standard prisma/migrations layout and the
// `_prisma_migrations` bookkeeping table, so `prisma migrate deploy` works on a connected machine.
//
//   node --experimental-wasm-modules scripts/migrate.mjs deploy          apply pending migrations
//   node --experimental-wasm-modules scripts/migrate.mjs create NAME     write a migration for schema changes
//   node --experimental-wasm-modules scripts/migrate.mjs check           exit 1 when migrations ≠ schema
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseUrl, sqlitePath } from './db-url.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function listMigrations() {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies every migration not yet recorded, each in its own transaction. Returns the names applied. */
export function deploy(file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    // Write-ahead logging (kept in the file): readers are never blocked by a writer, so the console
    // keeps answering while a Directory Import's transaction is open, and a killed import's
    // uncommitted pages are simply dropped.
    db.pragma('journal_mode = WAL');
    db.exec(MIGRATIONS_TABLE);
    const applied = new Map(
      db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL').all()
        .map((row) => [row.migration_name, row.checksum]),
    );
    const done = [];
    for (const migration of listMigrations()) {
      if (applied.has(migration.name)) {
        if (applied.get(migration.name) !== migration.checksum) {
          console.warn(`warning: migration ${migration.name} was modified after it was applied`);
        }
        continue;
      }
      db.transaction(() => {
        db.exec(migration.sql);
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

/** The SQL that takes a database holding all current migrations to schema.prisma ('' when none). */
export async function pendingSchemaDiff() {
  const [{ SchemaEngine }, { PrismaBetterSqlite3 }, { bindMigrationAwareSqlAdapterFactory }] = await Promise.all([
    import('@prisma/schema-engine-wasm'),
    import('@prisma/adapter-better-sqlite3'),
    import('@prisma/driver-adapter-utils'),
  ]);
  const shadowDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-shadow-'));
  const shadowFile = path.join(shadowDir, 'shadow.db');
  try {
    const shadow = new Database(shadowFile);
    for (const migration of listMigrations()) shadow.exec(migration.sql);
    shadow.close();
    const schema = fs.readFileSync(schemaPath, 'utf8');
    const files = [{ path: 'schema.prisma', content: schema }];
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: `file:${shadowFile}` }));
    const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', schema]] }, () => {}, adapter);
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
  } finally {
    fs.rmSync(shadowDir, { recursive: true, force: true });
  }
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === 'deploy') {
    const file = sqlitePath(databaseUrl());
    const done = deploy(file);
    console.log(done.length ? `Applied ${done.length} migration(s) to ${file}: ${done.join(', ')}` : `Database ${file} is up to date.`);
  } else if (command === 'create') {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('usage: migrate.mjs create name_in_snake_case');
    const sql = await pendingSchemaDiff();
    if (!sql) return console.log('schema.prisma matches the migrations: nothing to create.');
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    fs.writeFileSync(
      path.join(migrationsDir, 'migration_lock.toml'),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
    );
    console.log(`Created ${path.relative(root, dir)}/migration.sql`);
  } else if (command === 'check') {
    const sql = await pendingSchemaDiff();
    if (sql) {
      console.error('prisma/migrations does not produce schema.prisma; missing:\n' + sql);
      process.exit(1);
    }
    console.log('Migrations match schema.prisma.');
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
