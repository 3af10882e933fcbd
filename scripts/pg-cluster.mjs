// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary directory,
// a server on a loopback port, trust authentication for one user, removed again on stop.
// Uses the PostgreSQL binaries of the machine (Debian's postgresql-15 puts them under
// /usr/lib/postgresql/15/bin; `.ci/run` installs them where missing). PostgreSQL refuses to run as
// root, so under root the cluster belongs to the `postgres` user and its commands run through
// `runuser`.
//
//   node scripts/pg-cluster.mjs start     prints the cluster's DATABASE_URL (state in $TMPDIR)
//   node scripts/pg-cluster.mjs stop      stops the cluster `start` made and removes it
//   node scripts/pg-cluster.mjs run CMD…  runs CMD with XADM_TEST_PG_URL set, then stops it
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Where `start` records the cluster for `stop`; XADM_PG_CLUSTER_STATE gives a run its own record.
const STATE = process.env.XADM_PG_CLUSTER_STATE || path.join(os.tmpdir(), 'xadm-pg-cluster.json');
const USER = 'xadm';

/** The directory holding initdb and pg_ctl: $PG_BINDIR, pg_config --bindir, or Debian's layout. */
export function postgresBinDir() {
  const candidates = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config (Debian ships it in libpq-dev)
  }
  if (fs.existsSync('/usr/lib/postgresql')) {
    for (const version of fs.readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))) {
      candidates.push(`/usr/lib/postgresql/${version}/bin`);
    }
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian: apt-get install postgresql-15), ' +
        'set PG_BINDIR, or point XADM_TEST_PG_URL at a running server.',
    );
  }
  return found;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin, args, options = {}) {
  const command = asRoot ? 'runuser' : bin;
  const argv = asRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster and returns { url, dir, port }. `fsync` off by default: the cluster is
 * thrown away, so durability buys nothing (the benchmark turns it on to measure honest writes).
 */
export async function startCluster({ fsync = false } = {}) {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c shared_buffers=256MB',
    '-c synchronous_commit=off',
    fsync ? '' : '-c fsync=off -c full_page_writes=off',
  ].join(' ');
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = `postgresql://${USER}@127.0.0.1:${port}/postgres`;
  return { url, dir, port };
}

export function stopCluster(dir) {
  const bin = postgresBinDir();
  try {
    run(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'start') {
    if (fs.existsSync(STATE) && fs.existsSync(JSON.parse(fs.readFileSync(STATE, 'utf8')).dir ?? '')) {
      const { url } = JSON.parse(fs.readFileSync(STATE, 'utf8'));
      throw new Error(`A cluster started here is still running (${url}, recorded in ${STATE}): stop it first, or set XADM_PG_CLUSTER_STATE to another file.`);
    }
    const cluster = await startCluster({ fsync: rest.includes('--fsync') });
    fs.writeFileSync(STATE, JSON.stringify(cluster));
    console.log(cluster.url);
  } else if (command === 'stop') {
    if (!fs.existsSync(STATE)) return console.log('No cluster to stop.');
    const { dir } = JSON.parse(fs.readFileSync(STATE, 'utf8'));
    stopCluster(dir);
    fs.rmSync(STATE, { force: true });
  } else if (command === 'run' && rest.length) {
    // A server the caller already runs is used as it is.
    if (process.env.XADM_TEST_PG_URL) return process.exit(await spawnAndWait(rest, process.env));
    const cluster = await startCluster();
    let code = 1;
    try {
      code = await spawnAndWait(rest, { ...process.env, XADM_TEST_PG_URL: cluster.url });
    } finally {
      stopCluster(cluster.dir);
    }
    process.exit(code);
  } else {
    console.error('usage: pg-cluster.mjs start [--fsync] | stop | run COMMAND [ARGS…]');
    process.exit(2);
  }
}

function spawnAndWait(argv, env) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
