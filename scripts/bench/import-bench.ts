// npm run bench, Directory Import: a generated 100,000-row file (mailboxes, three secondary SMTP
// addresses each) imported into an empty organization, then the same file again (every row
// unchanged), each in a process of its own; time and peak memory (targets: 15 s, 500 MB).
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from '../next-build.mjs';
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

/** The empty organization (ADATUM / REDMOND / adatum.com / Administrator), migrated and seeded as `npm start` would. */
export function buildEmptyImportDatabase() {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile() + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: databaseUrl, XADM_SEED: 'empty' };
  run('migrate deploy', ['--experimental-wasm-modules', '--no-warnings', path.join('scripts', 'migrate.mjs'), 'deploy'], env);
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  run('seed (XADM_SEED=empty)', [tsxCli, '--conditions=react-server', path.join('prisma', 'seed.ts')], env);
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

export function runImportChild(file: string): Promise<ImportChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'import-child.ts'), [file], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
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
