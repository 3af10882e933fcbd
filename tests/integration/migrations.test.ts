// prisma/migrations and prisma/postgresql/migrations must each produce exactly the schema: the offline migration tool's
// `check` replays every migration on a shadow database and diffs it against the schema.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('[MIGRATIONS] scripts/migrate.mjs check exits 0: the migrations match schema.prisma', async () => {
  const result = await promisify(execFile)(process.execPath, ['--experimental-wasm-modules', '--no-warnings', 'scripts/migrate.mjs', 'check'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  expect(result, result.stderr).toMatchObject({ code: 0 });
  expect(result.stdout).toContain('Migrations match schema.prisma (SQLite and PostgreSQL).');
}, 60_000);
