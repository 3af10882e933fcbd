// Directory Import jobs are kept in the database (ImportJob), not in one server's memory: a job
// started by one app instance is polled through another, and a job whose instance stopped midway
// is reported failed — with nothing changed, as the import's one transaction was rolled back.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { ImportJobStatus } from '@/lib/core/directory-import/report';
import { db, provider } from '@/lib/server/db';
import { STALE_MS, STOPPED_MESSAGE, getImportJob, startImportJob } from '@/lib/server/directory-import/import-jobs';
import { sqlitePath } from '@/scripts/db-url.mjs';
import { uniqueName } from '../factories';
import { directorySnapshot } from './helpers/snapshot';

const root = path.resolve(__dirname, '../..');
const CHILD = path.join(root, 'tests/integration/helpers/import-job-child.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xadm-jobs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file of `rows` new mailboxes, each with two secondary addresses. */
function importFile(rows: number): string {
  const prefix = uniqueName('job');
  const lines = Array.from({ length: rows }, (_, i) => `Mailbox,${prefix}${i},smtp:${prefix}${i}@fabrikam.com%smtp:${prefix}${i}@contoso.com`);
  const file = path.join(dir, `${prefix}.csv`);
  fs.writeFileSync(file, `Obj-Class,Directory Name,Secondary-Proxy-Addresses\r\n${lines.join('\r\n')}\r\n`);
  return file;
}

type Event = { started?: string; phase?: string; finished?: ImportJobStatus };

/** Another app instance (a process of its own on this file's database) running an import job. */
function otherInstance(file: string) {
  // One process (tsx's CLI would run the script in a child of its own, which a kill would miss).
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', CHILD, file], { cwd: root, env: { ...process.env, NODE_OPTIONS: '' } });
  const events: Event[] = [];
  const waiters: Array<() => void> = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (data) => {
    buffered += data;
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as Event);
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr!.on('data', (data) => (stderr += data));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  /** The first event that matches, waiting for it (the child's stderr in the error when it exits first). */
  async function until<T>(pick: (event: Event) => T | undefined): Promise<T> {
    for (;;) {
      for (const event of events) {
        const picked = pick(event);
        if (picked !== undefined) return picked;
      }
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the other instance exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
      await Promise.race([new Promise<void>((resolve) => waiters.push(resolve)), exited]);
    }
  }
  return { child: child as ChildProcess, until, exited };
}

/** Polls the job from this instance (which does not run it) until `done` says so. */
async function pollUntil(id: string, done: (job: ImportJobStatus) => boolean, seen: ImportJobStatus[] = []): Promise<ImportJobStatus> {
  for (let i = 0; i < 3000; i++) {
    const job = await getImportJob(id);
    expect(job, `job ${id} is not in the database`).not.toBeNull();
    seen.push(job!);
    if (done(job!)) return job!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} never got there: ${JSON.stringify(seen.at(-1))}`);
}

describe('[IMPORT JOBS] in the database', () => {
  test('a job started by another instance is polled here, from running to its report', async () => {
    const other = otherInstance(importFile(10_000));
    const id = await other.until((e) => e.started);
    const seen: ImportJobStatus[] = [];
    const job = await pollUntil(id, (j) => j.state !== 'running', seen);
    expect(seen[0]).toMatchObject({ id, state: 'running', fileName: 'other-instance.csv', report: null, error: null });
    // On PostgreSQL its progress moves in the row as it runs (every HEARTBEAT_MS); SQLite's import
    // holds the only write lock while it checks and writes, so there the row moves at the end.
    if (provider === 'postgresql') expect(seen.some((j) => j.state === 'running' && j.progress.phase !== 'reading')).toBe(true);
    expect(job).toMatchObject({ id, state: 'done', fileName: 'other-instance.csv', progress: { phase: 'done', rowsApplied: 10_000 }, error: null });
    expect(job.report).toMatchObject({ applied: true, counts: { created: 10_000, rejected: 0 }, problems: [] });
    // The other instance's own answer is the same.
    const finished = await other.until((e) => e.finished);
    expect(finished).toEqual(job);
    expect(await other.exited).toEqual({ code: 0, signal: null });
  }, 120_000);

  test('a job whose instance stopped midway is reported failed once its heartbeat is stale, and nothing was changed', async () => {
    const before = await directorySnapshot();
    const other = otherInstance(importFile(40_000));
    const id = await other.until((e) => e.started);
    await other.until((e) => (e.phase === 'applying' ? e : undefined));
    other.child.kill('SIGKILL');
    expect((await other.exited).signal).toBe('SIGKILL');

    // Its heartbeat is recent: for all this instance knows, it still runs.
    expect(await getImportJob(id)).toMatchObject({ id, state: 'running' });
    // STALE_MS later (the heartbeat moved back instead of waiting), it is known to have stopped.
    await db.importJob.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - STALE_MS - 1000) }, select: { id: true } });
    expect(await getImportJob(id)).toMatchObject({ id, state: 'failed', error: STOPPED_MESSAGE, report: null });
    expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { state: true, finishedAt: true } })).toMatchObject({ state: 'failed', finishedAt: expect.any(Date) });
    expect(await directorySnapshot()).toEqual(before);
  }, 120_000);

  // SQLite only: there an import holds the database's one write lock while it checks and writes,
  // so its heartbeat cannot be written meanwhile; a stopped heartbeat means nothing while the lock
  // is held. (On PostgreSQL the heartbeat goes on during the import: the case above.)
  test.runIf(provider === 'sqlite')('on SQLite, a job whose heartbeat stopped while the write lock is held is still running', async () => {
    const id = uniqueName('locked');
    await db.importJob.create({
      data: { id, state: 'running', startedAt: new Date(Date.now() - STALE_MS * 2), heartbeatAt: new Date(Date.now() - STALE_MS * 2), progress: '{"phase":"applying"}' },
      select: { id: true },
    });
    const writer = new Database(sqlitePath(process.env.DATABASE_URL!));
    writer.exec('BEGIN IMMEDIATE');
    try {
      expect(await getImportJob(id)).toMatchObject({ id, state: 'running' });
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
    expect(await getImportJob(id)).toMatchObject({ id, state: 'failed', error: STOPPED_MESSAGE });
  });

  test('a job is written as it runs: progress and heartbeat in its row, its report at the end', async () => {
    const file = importFile(200);
    const job = await startImportJob(fs.readFileSync(file), { overwrite: false, validateOnly: false, applyValid: false }, 'here.csv');
    const row = () => db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(await row()).toMatchObject({ id: job.id, state: 'running', fileName: 'here.csv', finishedAt: null, report: null });
    let stored = await row();
    for (let i = 0; i < 500 && stored.state === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = await row();
    }
    expect(stored).toMatchObject({ state: 'done', error: null, finishedAt: expect.any(Date) });
    expect(JSON.parse(stored.progress)).toMatchObject({ phase: 'done', rowsApplied: 200 });
    expect(JSON.parse(stored.report!)).toMatchObject({ applied: true, counts: { created: 200 } });
    expect(stored.heartbeatAt.getTime()).toBeGreaterThanOrEqual(stored.startedAt.getTime());
  }, 60_000);

  test('finished jobs are kept an hour: an older one is gone when the next job starts', async () => {
    const old = await db.importJob.create({
      data: { id: uniqueName('old'), state: 'done', startedAt: new Date(Date.now() - 3 * 3600_000), heartbeatAt: new Date(Date.now() - 2 * 3600_000), finishedAt: new Date(Date.now() - 2 * 3600_000), progress: '{}' },
      select: { id: true },
    });
    expect(await getImportJob(old.id)).not.toBeNull();
    const job = await startImportJob(Buffer.from(`Obj-Class,Directory Name\r\nMailbox,${uniqueName('prune')}\r\n`), { overwrite: false, validateOnly: true, applyValid: false }, null);
    expect(await getImportJob(old.id)).toBeNull();
    await pollUntil(job.id, (j) => j.state !== 'running');
  });
});
