// The console as the browser tests see it: a throwaway database with the demo organization,
// a production build (rebuilt only when the sources are newer), `next start` on loopback.
//
//   XADM_E2E_BUILD=1   rebuild even when .next/BUILD_ID looks current
//   XADM_E2E_PORT      port to listen on (default 3100; another port gets its own database file)
//   XADM_DIST_DIR      build directory (default .next), so parallel runs do not share a build
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, nextBin, root, serverNodeArgs } from './next-build.mjs';

const port = process.env.XADM_E2E_PORT || '3100';
const dbName = port === '3100' ? 'e2e.db' : `e2e-${port}.db`;
const dbFile = path.join(root, 'data', dbName);
const env = { ...process.env, DATABASE_URL: `file:./data/${dbName}`, NEXT_TELEMETRY_DISABLED: '1' };

for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
const prepared = spawnSync(process.execPath, [path.join(root, 'scripts', 'prepare-db.mjs')], { cwd: root, env, stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
buildIfNeeded(env);

const server = spawn(process.execPath, [...serverNodeArgs, nextBin, 'start', '-H', '127.0.0.1', '-p', port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
