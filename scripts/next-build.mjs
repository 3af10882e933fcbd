// Builds the console with `next build` when the build is missing or older than its sources,
// so `npm start` and the browser tests never serve a stale build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/**
 * Node flags for the server (`npm start`, the browser tests, the benchmark). A larger young
 * generation means fewer scavenges of the short-lived objects every request makes: with the
 * 100,000-mailbox directory in memory, `npm run bench` measured about 8% more previews per second
 * and a lower median latency with it.
 */
export const serverNodeArgs = ['--max-semi-space-size=64'];

const INPUTS = ['app', 'components', 'lib', 'public', 'instrumentation.ts', 'proxy.ts', 'next.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', 'prisma/schema.prisma'];

/** Newest modification time of the files a build depends on. */
function newestSourceMtime() {
  let newest = 0;
  const visit = (file) => {
    let stat;
    try {
      stat = fs.statSync(file);
    } catch {
      return; // an input that does not exist (yet), such as public/
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) if (entry !== 'node_modules' && entry !== 'generated') visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return newest;
}

export function buildIsCurrent() {
  const buildId = path.join(root, process.env.XADM_DIST_DIR || '.next', 'BUILD_ID');
  return fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSourceMtime();
}

/** Runs `next build` unless the build is current (XADM_BUILD=1 forces it). Exits on failure. */
export function buildIfNeeded(env = process.env) {
  if (env.XADM_BUILD !== '1' && env.XADM_E2E_BUILD !== '1' && buildIsCurrent()) return;
  console.log('Building the console (next build)...');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
