// npm run bench, Directory Import: a generated 100,000-row file (mailboxes, three secondary SMTP
// addresses each) imported into an empty organization, then the same file again (every row
// unchanged), each in a process of its own; time and peak memory (targets: 15 s, 500 MB), on
// SQLite (buildEmptyImportDatabase) or PostgreSQL (buildEmptyPgImportDatabase).
import { fork, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { root } from '../next-build.mjs';
import { deploy, withDatabase } from '../migrate.mjs';
import type { ImportChildReport } from './import-child';

const here = path.dirname(fileURLToPath(import.meta.url));
export const IMPORT_ROWS = 100_000;
export const IMPORT_TARGET = { seconds: 15, megabytes: 500 };

const dbFile = () => path.join(root, 'data', 'bench-import.db');
const csvFile = () => path.join(root, 'data', 'bench-import.csv');
const databaseUrl = 'file:./data/bench-import.db';

function run(what: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
}

function seedEmpty(url: string) {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  run('seed (XADM_SEED=empty)', [tsxCli, '--conditions=react-server', path.join('prisma', 'seed.ts')], { ...process.env, DATABASE_URL: url, XADM_SEED: 'empty' });
}

/**
 * The empty organization (ADATUM / REDMOND / adatum.com / Administrator) in a new SQLite file
 * (data/bench-import.db), migrated and seeded as `npm start` would. Returns its DATABASE_URL.
 */
export function buildEmptyImportDatabase(): string {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile() + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  run('migrate deploy', ['--experimental-wasm-modules', '--no-warnings', path.join('scripts', 'migrate.mjs'), 'deploy'], env);
  seedEmpty(databaseUrl);
  return databaseUrl;
}

/**
 * The same empty organization in a new PostgreSQL database on `serverUrl`'s server (any database
 * of it; the user must be allowed to create databases). Returns the new database's DATABASE_URL;
 * dropPgImportDatabase removes it.
 */
export async function buildEmptyPgImportDatabase(serverUrl: string): Promise<string> {
  const name = `xadm_bench_import_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  await deploy(url);
  seedEmpty(url);
  return url;
}

/** Drops a database made by buildEmptyPgImportDatabase (connections to it are closed). */
export async function dropPgImportDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith('xadm_bench_import_')) throw new Error(`Not a bench import database: ${name}`);
  const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Row i: a mailbox with a name, and three secondary SMTP addresses in hosted domains. */
export function writeImportFile(rows = IMPORT_ROWS): { file: string; bytes: number } {
  const lines = ['Obj-Class,Directory Name,First Name,Last Name,Display Name,Alias Name,Secondary-Proxy-Addresses'];
  for (let i = 0; i < rows; i++) {
    const alias = `imp${String(i).padStart(6, '0')}`;
    lines.push(
      `Mailbox,${alias},Given${i},Family${i},"Family${i}, Given${i}",${alias},smtp:${alias}@fabrikam.com%smtp:${alias}@contoso.com%smtp:given${i}.family${i}@hosted.example`,
    );
  }
  const text = `${lines.join('\r\n')}\r\n`;
  fs.writeFileSync(csvFile(), text);
  return { file: csvFile(), bytes: Buffer.byteLength(text) };
}

/** Imports `file` into `url`'s database (default: buildEmptyImportDatabase's) in a process of its own. */
export function runImportChild(file: string, url = databaseUrl): Promise<ImportChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'import-child.ts'), [file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      execArgv: ['--import', 'tsx', '--conditions=react-server'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: ImportChildReport | null = null;
    child.on('message', (message: ImportChildReport) => {
      report = message;
    });
    child.on('exit', (code) => (report ? resolve(report) : reject(new Error(`the import process exited (${code}) without a report`))));
  });
}
