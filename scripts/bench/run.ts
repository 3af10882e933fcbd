// npm run bench: Directory Import of a 100,000-row file, and how fast the routing resolver answers
// over a 100,000-mailbox directory.
//   0. Directory Import into an empty organization, then the same file again (time, peak memory)
//   1. the resolver in process (compileRouting / buildDirectory / resolveAddress), addresses/s
//   2. POST /api/v1/routing/preview/batch over HTTP against `next start`, addresses/s
//   3. POST /api/v1/routing/preview under 32 connections: req/s, p50/p99, beside a bare node:http
//      server answering a body of the same size, and the first request after startup / a write.
// Targets are printed with ✓/✗ but never fail the run. Not part of `npm test`.
//
//   XADM_DIST_DIR          build directory (default .next); built first when older than the sources
//   XADM_BENCH_SECONDS     measured seconds per load run (default 10, after a 2 s warm-up)
//   XADM_BENCH_CPU_PROF    a directory: run `next start` under --cpu-prof and write its profile there
//   XADM_BENCH_ONLY=import only the Directory Import phase
import { fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoutingResult, Verdict } from '../../lib/core/routing/types';
import { buildIfNeeded, buildIsCurrent, nextBin, root, serverNodeArgs } from '../next-build.mjs';
import { benchDatabaseUrl, benchDbFile, buildBenchDatabase } from './build-db';
import { IMPORT_ROWS, IMPORT_TARGET, buildEmptyImportDatabase, runImportChild, writeImportFile } from './import-bench';
import { BATCH_SIZE, HOSTED_DOMAINS, MAILBOXES, ROUTES, describeMix, mixedBatch, mailbox, type BenchItem } from './dataset';
import { freePort, load, request, rssMb, startProcess, stopProcess, useBearerToken, waitForHttp, type LoadResult, type Managed } from './http';
import type { ResolverReport } from './resolver-bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = process.env.XADM_DIST_DIR || '.next';
const loadSeconds = Number(process.env.XADM_BENCH_SECONDS || 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 32;
const API_BATCH = 10_000;
const WRITE_CYCLES = 3;

const TARGET = { resolver: 300_000, batch: 100_000, p99: 50 };

const started: Managed[] = [];
let stopping: Promise<void> | null = null;
const stopAll = () => (stopping ??= Promise.all(started.map((m) => stopProcess(m))).then(() => undefined));

// Last resort (an exit we did not plan): no server outlives the run.
process.on('exit', () => {
  for (const { child } of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping the servers...`);
    void stopAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// formatting

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a');
const ms = (n: number) => (!Number.isFinite(n) ? 'n/a' : n >= 100 ? `${int(n)} ms` : `${n.toFixed(1)} ms`);
const mb = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : 'n/a');
const mark = (ok: boolean) => (ok ? '✓' : '✗');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function step(title: string) {
  console.log(`\n── ${title}`);
}

function countVerdicts(results: Array<Partial<RoutingResult> & { error?: unknown }>, items: BenchItem[]) {
  const verdicts: Record<string, number> = {};
  let unexpected = 0;
  results.forEach((result, i) => {
    const verdict = result.verdict ?? 'error';
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    if (verdict !== items[i].expect) unexpected++;
  });
  return { verdicts, unexpected };
}

const verdictLine = (verdicts: Partial<Record<Verdict | string, number>>) =>
  Object.entries(verdicts)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([verdict, count]) => `${verdict} ${int(count ?? 0)}`)
    .join(', ');

// ---------------------------------------------------------------------------------------------
// phases

function runResolver(file: string): Promise<ResolverReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'resolver-bench.ts'), [file], { cwd: root, execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (message: { ok: boolean; report?: ResolverReport; error?: string }) => {
      settled = true;
      if (message.ok && message.report) resolve(message.report);
      else reject(new Error(`resolver bench failed:\n${message.error}`));
    });
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`resolver bench exited (${code}) without a report`));
    });
  });
}

const previewBody = (item: BenchItem) => Buffer.from(JSON.stringify({ address: item.address, origin: item.origin }));

async function main() {
  const runStarted = performance.now();
  const cpus = os.cpus();
  console.log('xadm routing benchmark');
  console.log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (os.loadavg()[0] > 0.7 * cpus.length) console.log('warning: the machine is busy with other work; the figures below are lower than on an idle machine.');
  console.log(`directory: ${int(MAILBOXES)} mailboxes × 3 addresses (primary SMTP alias@adatum.com, primary MS ADATUM/REDMOND/ALIAS, secondary SMTP in one of ${HOSTED_DOMAINS} hosted domains) + the seeded Administrator`);
  console.log(`routing: rerouting on, ${ROUTES.length} entries: ${ROUTES.map((r) => `${r.sentTo}→${r.routeTo}`).join(', ')}`);
  console.log(`address mix (${int(BATCH_SIZE)} addresses, seeded PRNG):`);
  for (const line of describeMix()) console.log(`  ${line}`);

  // 0. Directory Import
  step(`Directory Import: a generated ${int(IMPORT_ROWS)}-row file (mailboxes, three secondary SMTP addresses each) into an empty organization, in a process of its own`);
  buildEmptyImportDatabase();
  const importFile = writeImportFile();
  console.log(`file ${mb(importFile.bytes / 2 ** 20)}; Site Addressing generates SMTP, X.400 and MS for each: ${int(IMPORT_ROWS * 6)} addresses`);
  const importRuns = [] as Array<[string, Awaited<ReturnType<typeof runImportChild>>]>;
  for (const label of ['into the empty organization', 'the same file again (every row unchanged)']) {
    const result = await runImportChild(importFile.file);
    const phases = Object.entries(result.phases).map(([phase, at]) => `${phase} at ${ms(at)}`).join(', ');
    console.log(`${label}: ${ms(result.ms)}, peak RSS ${mb(result.maxRssMb)}; ${Object.entries(result.counts).map(([k, v]) => `${k} ${int(v)}`).join(', ')}; ${result.problems} problems${result.firstProblem ? ` (first: ${result.firstProblem})` : ''}; ${phases}`);
    importRuns.push([label, result]);
  }
  fs.rmSync(importFile.file, { force: true });
  const [fresh, again] = importRuns.map(([, r]) => r);
  const importRows: Array<[string, string, string, string]> = [
    [`Directory Import, ${int(IMPORT_ROWS)} rows, empty organization`, ms(fresh.ms), `≤ ${IMPORT_TARGET.seconds} s`, mark(fresh.ms <= IMPORT_TARGET.seconds * 1000 && fresh.problems === 0)],
    ['  peak memory (RSS of the import process)', mb(fresh.maxRssMb), `≤ ${IMPORT_TARGET.megabytes} MB`, mark(fresh.maxRssMb <= IMPORT_TARGET.megabytes)],
    ['  the same file again (all unchanged)', `${ms(again.ms)}, ${mb(again.maxRssMb)}`, '', ''],
  ];
  if (process.env.XADM_BENCH_ONLY === 'import') {
    printTable(importRows);
    return;
  }

  // 1. the database
  step(`Building data/bench.db (migrate deploy, XADM_SEED=empty, bulk insert)`);
  const build = buildBenchDatabase();
  console.log(
    `built in ${ms(build.totalMs)}: migrate ${ms(build.migrateMs)}, seed ${ms(build.seedMs)}, insert ${int(build.recipients - 1)} mailboxes / ${int(build.proxies)} addresses ${ms(build.insertMs)}; file ${mb(build.bytes / 2 ** 20)}`,
  );

  // An API token for the HTTP phases, made as a script's would be (`npm run admin -- create-token`).
  const tokenOut = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(root, 'scripts', 'admin.ts'), 'create-token', 'admin', '--name', 'bench'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: benchDatabaseUrl, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const token = /xadm_\S+/.exec(tokenOut.stdout)?.[0];
  if (!token) throw new Error(`npm run admin -- create-token failed:\n${tokenOut.stdout}${tokenOut.stderr}`);
  useBearerToken(token);

  // 2. the build the server runs
  step(`Next.js build in ${distDir}`);
  const buildEnv = { ...process.env, XADM_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
  let nextBuildMs = 0;
  if (buildIsCurrent()) {
    console.log('current (no sources newer than BUILD_ID)');
  } else {
    const t = performance.now();
    buildIfNeeded(buildEnv);
    nextBuildMs = performance.now() - t;
    console.log(`built in ${ms(nextBuildMs)}`);
  }

  // 3. the resolver in process
  step('Resolver in process');
  const resolver = await runResolver(benchDbFile());
  console.log(`read ${int(resolver.recipients)} recipients / ${int(resolver.proxies)} addresses (raw better-sqlite3 reads; the server reads through Prisma): ${ms(resolver.readMs)}`);
  console.log(`buildDirectory: ${ms(resolver.buildDirectoryMs)}; compileRouting: ${ms(resolver.compileMs)}`);
  console.log(`heap used: ${mb(resolver.heapTotalMb)} (records ${mb(resolver.heapRecordsMb)} + proxy index ${mb(resolver.heapIndexMb)} + ${mb(resolver.heapBaselineMb)} before loading)`);
  console.log(`verdicts: ${verdictLine(resolver.verdicts)}; ${resolver.unexpected === 0 ? 'all as the mix expects' : `${int(resolver.unexpected)} not as expected, e.g. ${resolver.unexpectedSamples.join('; ')}`}`);
  console.log(`${resolver.passesMs.length} passes of ${int(resolver.batch)}: ${resolver.passesMs.map((t) => ms(t)).join(', ')} → median ${int(resolver.addressesPerSecond)} addresses/s`);

  // 4. next start on the bench database
  step(`next start (${distDir}) on data/bench.db`);
  const port = await freePort();
  const nodeArgs: string[] = [...serverNodeArgs];
  const profDir = process.env.XADM_BENCH_CPU_PROF;
  if (profDir) {
    fs.mkdirSync(profDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.resolve(profDir)}`);
  }
  const next = startProcess('next start', process.execPath, [...nodeArgs, nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: benchDatabaseUrl, XADM_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  started.push(next);
  const readyMs = await waitForHttp(next, port, 60_000);
  console.log(`answering on 127.0.0.1:${port} after ${ms(readyMs)}; RSS ${mb(rssMb(next.child.pid))}`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const probe = previewBody({ address: mailbox(0).secondarySmtp, origin: 'internet', category: 'hit', expect: 'delivered' });
  const preview = async () => {
    const reply = await request(agent, port, 'POST', '/api/v1/routing/preview', probe);
    if (reply.status !== 200) throw new Error(`preview answered ${reply.status}: ${reply.body.toString().slice(0, 500)}`);
    return reply;
  };
  const firstAfterStart = await preview();
  const rssAfterSnapshot = rssMb(next.child.pid);
  const secondAfterStart = await preview();
  console.log(`first preview after startup: ${ms(firstAfterStart.ms)} (route loaded, generation checked, snapshot of ${int(resolver.recipients)} recipients loaded); second: ${ms(secondAfterStart.ms)}; RSS ${mb(rssAfterSnapshot)}`);

  const imsBody = JSON.stringify({ hostName: 'mail.adatum.com', administrator: 'Administrator', rerouteIncoming: true, routes: ROUTES });
  const writes: number[] = [];
  const afterWrites: number[] = [];
  for (let cycle = 0; cycle < WRITE_CYCLES; cycle++) {
    const put = await request(agent, port, 'PUT', '/api/v1/sites/REDMOND/internet-mail-service', imsBody);
    if (put.status !== 200) throw new Error(`PUT internet-mail-service answered ${put.status}: ${put.body.toString().slice(0, 500)}`);
    writes.push(put.ms);
    afterWrites.push((await preview()).ms);
  }
  const warm = await preview();
  console.log(`write (PUT internet-mail-service, same ${ROUTES.length} routes): ${writes.map(ms).join(', ')}`);
  console.log(`first preview after the write (snapshot reload): ${afterWrites.map(ms).join(', ')} → median ${ms(median(afterWrites))}; then ${ms(warm.ms)}`);

  // 5. the batch API
  step(`Batch API: ${int(BATCH_SIZE)} addresses in batches of ${int(API_BATCH)}, one at a time`);
  const items = mixedBatch();
  const batchUrl = '/api/v1/routing/preview/batch';
  /** Sends the 100,000 addresses in batches of API_BATCH, one batch at a time; addresses per second. */
  const measureBatches = async (steps: boolean) => {
    const batches: Buffer[] = [];
    for (let i = 0; i < items.length; i += API_BATCH) {
      const slice = items.slice(i, i + API_BATCH).map(({ address, origin }) => ({ address, origin }));
      batches.push(Buffer.from(JSON.stringify(steps ? { items: slice } : { items: slice, steps: false })));
    }
    const warmBatch = await request(agent, port, 'POST', batchUrl, batches[0]);
    if (warmBatch.status !== 200) throw new Error(`batch answered ${warmBatch.status}: ${warmBatch.body.toString().slice(0, 500)}`);
    const parseStart = performance.now();
    const warmResults = (JSON.parse(warmBatch.body.toString()) as { results: Array<Partial<RoutingResult>> }).results;
    const clientParseMs = performance.now() - parseStart;
    const check = countVerdicts(warmResults, items.slice(0, API_BATCH));
    console.log(
      `${steps ? 'with steps' : '"steps": false'} — warm-up batch: ${ms(warmBatch.ms)}; request ${mb(batches[0].length / 2 ** 20)}, response ${mb(warmBatch.body.length / 2 ** 20)} (${int(warmBatch.body.length / API_BATCH)} bytes per result; JSON.parse in the client ${ms(clientParseMs)}, not counted)`,
    );
    console.log(`verdicts: ${verdictLine(check.verdicts)}; ${check.unexpected === 0 ? 'all as the mix expects' : `${int(check.unexpected)} not as expected`}`);
    const batchTimes: number[] = [];
    const batchStart = performance.now();
    for (const body of batches) {
      const reply = await request(agent, port, 'POST', batchUrl, body);
      if (reply.status !== 200) throw new Error(`batch answered ${reply.status}: ${reply.body.toString().slice(0, 500)}`);
      batchTimes.push(reply.ms);
    }
    const batchTotalMs = performance.now() - batchStart;
    const rate = items.length / (batchTotalMs / 1000);
    console.log(`${batches.length} batches in ${ms(batchTotalMs)} (each ${ms(Math.min(...batchTimes))}–${ms(Math.max(...batchTimes))}) → ${int(rate)} addresses/s`);
    return rate;
  };
  const batchRate = await measureBatches(true);
  const compactBatchRate = await measureBatches(false);

  // 6. single previews under load, then the bare baseline with a body of the same size
  step(`Single preview: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${loadSeconds} s`);
  const sampleItems = items.slice(0, 200);
  const sampleBodies: Buffer[] = [];
  for (const item of sampleItems) {
    const reply = await request(agent, port, 'POST', '/api/v1/routing/preview', previewBody(item));
    if (reply.status !== 200) throw new Error(`preview answered ${reply.status}: ${reply.body.toString().slice(0, 500)}`);
    sampleBodies.push(reply.body);
  }
  agent.destroy();
  const bySize = [...sampleBodies].sort((a, b) => a.length - b.length);
  const fixedBody = bySize[Math.floor(bySize.length / 2)];
  const loadBodies = items.slice(0, 20_000).map(previewBody);
  // p99 moves a lot from run to run on a shared 2-core machine (a scavenge or a major GC landing
  // in the window): three runs, and the table reports the run with the median p99.
  const runs: LoadResult[] = [];
  for (let run = 1; run <= 3; run++) {
    const result = await load(port, '/api/v1/routing/preview', loadBodies, { connections: CONNECTIONS, warmupSeconds: run === 1 ? WARMUP_SECONDS : 0, seconds: loadSeconds });
    printLoad(`xadm, run ${run}`, result);
    runs.push(result);
  }
  const single = [...runs].sort((a, b) => a.p99 - b.p99)[1];
  const rssAfterLoad = rssMb(next.child.pid);

  await stopProcess(next);
  if (profDir) console.log(`CPU profile of next start written to ${profDir}`);

  const bodyFile = path.join(root, 'data', 'bench-baseline-body.json');
  fs.writeFileSync(bodyFile, fixedBody);
  const basePort = await freePort();
  const baseline = startProcess('baseline node:http', process.execPath, ['--import', 'tsx', path.join(here, 'baseline-server.ts'), String(basePort), bodyFile], { cwd: root, env: process.env });
  started.push(baseline);
  await waitForHttp(baseline, basePort, 30_000);
  const bare = await load(basePort, '/api/v1/routing/preview', loadBodies, { connections: CONNECTIONS, warmupSeconds: WARMUP_SECONDS, seconds: loadSeconds });
  printLoad(`bare node:http (fixed ${int(fixedBody.length)}-byte body, the median of 200 real previews)`, bare);
  await stopProcess(baseline);
  fs.rmSync(bodyFile, { force: true });

  // the table
  const rows: Array<[string, string, string, string]> = [
    ...importRows,
    ['Resolver in process', `${int(resolver.addressesPerSecond)} addresses/s`, `≥ ${int(TARGET.resolver)}`, mark(resolver.addressesPerSecond >= TARGET.resolver)],
    ['  buildDirectory (100,001 recipients)', ms(resolver.buildDirectoryMs), '', ''],
    ['  heap used (records + index)', `${mb(resolver.heapTotalMb)} (${mb(resolver.heapRecordsMb)} + ${mb(resolver.heapIndexMb)})`, '', ''],
    ['Batch API, 10 × 10,000, with steps', `${int(batchRate)} addresses/s`, `≥ ${int(TARGET.batch)}`, mark(batchRate >= TARGET.batch)],
    ['Batch API, 10 × 10,000, "steps": false', `${int(compactBatchRate)} addresses/s`, `≥ ${int(TARGET.batch)}`, mark(compactBatchRate >= TARGET.batch)],
    [`Single preview, ${CONNECTIONS} connections (median of 3 runs)`, `${int(single.rps)} req/s`, '', ''],
    ['  p50 / p99 latency', `${ms(single.p50)} / ${ms(single.p99)}`, `p99 ≤ ${TARGET.p99} ms`, mark(single.p99 <= TARGET.p99)],
    ['Bare node:http, same body size', `${int(bare.rps)} req/s`, '', ''],
    ['  p50 / p99 latency', `${ms(bare.p50)} / ${ms(bare.p99)}`, '', ''],
    ['  xadm ÷ bare', `${(single.rps / bare.rps).toFixed(3)}× req/s, ${(single.p99 / bare.p99).toFixed(1)}× p99`, '', ''],
    ['First preview after startup', ms(firstAfterStart.ms), '', ''],
    [`First preview after a write (median of ${WRITE_CYCLES})`, ms(median(afterWrites)), '', ''],
    ['Server RSS after snapshot / after load', `${mb(rssAfterSnapshot)} / ${mb(rssAfterLoad)}`, '', ''],
    ['Bench database built in', ms(build.totalMs), '', ''],
  ];
  printTable(rows);
  console.log(`Whole run: ${ms(performance.now() - runStarted)}${nextBuildMs ? ` (of which next build ${ms(nextBuildMs)})` : ''}.`);
}

function printTable(rows: Array<[string, string, string, string]>) {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['Measure', 'Result', 'Target'][c].length));
  const line = (r: string[]) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd();
  console.log(`\n${'═'.repeat(widths[0] + widths[1] + widths[2] + 9)}`);
  console.log(line(['Measure', 'Result', 'Target', '']));
  console.log('─'.repeat(widths[0] + widths[1] + widths[2] + 9));
  for (const r of rows) console.log(line(r));
  console.log('═'.repeat(widths[0] + widths[1] + widths[2] + 9));
  console.log(`Targets are for this 2-core machine and informational: the run never fails on them. Load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}.`);
}

function printLoad(name: string, result: LoadResult) {
  const statuses = Object.entries(result.statuses).map(([status, count]) => `${status}×${int(count)}`).join(' ');
  console.log(
    `${name}: ${int(result.requests)} requests in ${result.seconds.toFixed(1)} s → ${int(result.rps)} req/s; p50 ${ms(result.p50)}, p90 ${ms(result.p90)}, p99 ${ms(result.p99)}, max ${ms(result.max)}; mean body ${int(result.meanBytes)} bytes; status ${statuses || 'none'}${result.errors ? `; ${result.errors} errors` : ''}`,
  );
}

main()
  .then(() => stopAll())
  .catch(async (error) => {
    console.error(`\nbench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  });
