// `npm run directory -- import FILE [--site S] [--overwrite] [--validate-only] [--apply-valid]`
// `npm run directory -- export FILE [--site S] [--kind K] [--filter TEXT] [--columns LIST]`
// Exchange 5.5's `admin /i` and `admin /e` (KB Q155594): Directory Import and Export from a shell,
// through the same code as the Tools menu and the API (lib/server/directory-import,
// lib/server/directory-export). Runs with tsx's react-server condition, like the seed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportProgress, ImportReport } from '../lib/core/directory-import/report';
import { AppError, toAppError } from '../lib/server/errors';
import { deploy } from './migrate.mjs';

const USAGE = `usage:
  npm run directory -- import FILE [--site SITE] [--overwrite] [--validate-only] [--apply-valid] [--json]
  npm run directory -- export FILE [--site SITE] [--kind mailbox,custom,dl] [--filter TEXT] [--columns "Display Name,Proxy-Addresses"]

import  reads FILE (Directory Import format, KB Q155594) into the container SITE (default: the first site).
        --overwrite       multivalued values replace the stored ones (default: appended)
        --validate-only   check every row, change nothing
        --apply-valid     import the valid rows even if other rows have problems (default: nothing is changed then)
        --json            print the whole report as JSON
        Exit status: 0 imported (or validated) without problems, 1 problems, 2 the command could not run.
export  writes the container's recipients to FILE ('-' for standard output) in the same format.`;

type Options = {
  site?: string;
  overwrite?: boolean;
  'validate-only'?: boolean;
  'apply-valid'?: boolean;
  json?: boolean;
  kind?: string;
  filter?: string;
  columns?: string;
  help?: boolean;
};

function fail(message: string, status = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

function progressLine(p: ImportProgress): string {
  const n = (v: number) => v.toLocaleString('en-US');
  switch (p.phase) {
    case 'reading':
      return `Reading: ${n(p.rowsRead)} rows read`;
    case 'checking':
      return `Checking: ${n(p.rowsChecked)} of ${n(p.rowsRead)} rows`;
    case 'applying':
      return `Applying: ${n(p.rowsApplied)} of ${n(p.rowsToApply)} rows`;
    case 'done':
      return 'Done.';
  }
}

function printReport(report: ImportReport) {
  const out: string[] = [report.message];
  const { created, modified, deleted, unchanged, rejected } = report.counts;
  out.push(`Site ${report.site}: created ${created}, modified ${modified}, deleted ${deleted}, unchanged ${unchanged}, rejected ${rejected}.`);
  for (const p of report.problems) {
    const where = [`line ${p.line}`, p.column && `column ${p.column}`, p.value !== null && p.value !== '' && `value '${p.value}'`].filter(Boolean).join(', ');
    out.push(`  ${where}: ${p.reason}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function runImport(file: string, options: Options) {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    fail(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const { importDirectory } = await import('../lib/server/directory-import/import-directory');
  const tty = process.stderr.isTTY;
  let last = '';
  let lastAt = 0;
  let lastPhase = '';
  const report = await importDirectory(
    bytes,
    { site: options.site, overwrite: !!options.overwrite, validateOnly: !!options['validate-only'], applyValid: !!options['apply-valid'] },
    (progress) => {
      const line = progressLine(progress);
      const now = Date.now();
      // Each new phase at once; within one, a line at most every 100 ms (a terminal) or second (a log).
      if (line === last || (progress.phase === lastPhase && now - lastAt < (tty ? 100 : 1000))) return;
      last = line;
      lastPhase = progress.phase;
      lastAt = now;
      process.stderr.write(tty ? `\r${line.padEnd(60)}` : `${line}\n`);
    },
  );
  if (tty) process.stderr.write('\n');
  if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else printReport(report);
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}

async function runExport(file: string, options: Options) {
  const { directoryExportQuerySchema } = await import('../lib/validation/directory-export');
  const { exportDirectory } = await import('../lib/server/directory-export/export-directory');
  const query = directoryExportQuerySchema.parse({
    ...(options.site !== undefined && { site: options.site }),
    ...(options.kind !== undefined && { kind: options.kind }),
    ...(options.filter !== undefined && { q: options.filter }),
    ...(options.columns !== undefined && { columns: options.columns }),
  });
  const result = await exportDirectory(query);
  if (!result.ok) {
    process.stderr.write(`Nothing was written: ${result.problemCount} value(s) cannot be written in the import format.\n`);
    for (const p of result.problems) process.stderr.write(`  ${p.directoryName}, ${p.column}: ${p.reason}\n`);
    process.exit(1);
  }
  if (file === '-') process.stdout.write(result.text);
  else fs.writeFileSync(file, result.text);
  if (file !== '-') process.stderr.write(`Exported ${result.count} recipient(s) of site ${result.site} to ${file}.\n`);
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        site: { type: 'string' },
        overwrite: { type: 'boolean' },
        'validate-only': { type: 'boolean' },
        'apply-valid': { type: 'boolean' },
        json: { type: 'boolean' },
        kind: { type: 'string' },
        filter: { type: 'string' },
        columns: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const [command, file, ...extra] = parsed.positionals;
  const options = parsed.values as Options;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if ((command !== 'import' && command !== 'export') || !file || extra.length > 0) fail(USAGE);
  const importOnly = (['overwrite', 'validate-only', 'apply-valid', 'json'] as const).filter((o) => options[o] !== undefined);
  const exportOnly = (['kind', 'filter', 'columns'] as const).filter((o) => options[o] !== undefined);
  if (command === 'export' && importOnly.length) fail(`--${importOnly[0]} is an import option.\n\n${USAGE}`);
  if (command === 'import' && exportOnly.length) fail(`--${exportOnly[0]} is an export option.\n\n${USAGE}`);

  // The database the console uses, migrated (as `npm start` does); it must hold an organization.
  await deploy();
  try {
    if (command === 'import') await runImport(path.resolve(file), options);
    else await runExport(file === '-' ? '-' : path.resolve(file), options);
  } catch (error) {
    const appError = error instanceof AppError ? error : toAppError(error);
    fail(appError.message);
  }
  // Close the database connections (PostgreSQL's pools would keep the process alive until idle).
  const { db } = await import('../lib/server/db');
  await db.$disconnect();
  const { closePgPool } = await import('../lib/server/pg-pool');
  await closePgPool();
}

main().catch((error: unknown) => fail(toAppError(error).message));
