// The console as the browser tests see it: a throwaway database with the demo organization,
// a production build (rebuilt only when the sources are newer), `next start` on loopback.
//
//   XADM_E2E_BUILD=1   rebuild even when .next/BUILD_ID looks current
//   XADM_E2E_PORT      port to listen on (default 3100; another port gets its own database file)
//   XADM_DIST_DIR      build directory (default .next), so parallel runs do not share a build
//   XADM_E2E_LARGE=1   the large organization (issue 6): its own database (e2e-large-<port>.db)
//                      with the demo organization plus `npm run seed:large` (100,000 recipients).
//                      It serves the build the other e2e server made and never rebuilds it while
//                      that server runs (Playwright starts the servers one after the other).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIfNeeded, nextBin, root, serverNodeArgs } from './next-build.mjs';

const port = process.env.XADM_E2E_PORT || '3100';
const large = process.env.XADM_E2E_LARGE === '1';
const dbName = large ? `e2e-large-${port}.db` : port === '3100' ? 'e2e.db' : `e2e-${port}.db`;
const dbFile = path.join(root, 'data', dbName);
const env = { ...process.env, DATABASE_URL: `file:./data/${dbName}`, NEXT_TELEMETRY_DISABLED: '1' };

const run = (args) => {
  const result = spawnSync(args[0], args.slice(1), { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
run([process.execPath, path.join(root, 'scripts', 'prepare-db.mjs')]);
if (large) {
  const started = performance.now();
  run(['npx', 'tsx', '--conditions=react-server', path.join('scripts', 'seed-large.ts')]);
  console.log(`e2e large organization on port ${port}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // Another server is serving this build: build only when there is none at all.
  if (!fs.existsSync(path.join(root, process.env.XADM_DIST_DIR || '.next', 'BUILD_ID'))) buildIfNeeded(env);
} else {
  buildIfNeeded(env);
}

const server = spawn(process.execPath, [...serverNodeArgs, nextBin, 'start', '-H', '127.0.0.1', '-p', port], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
