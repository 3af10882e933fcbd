import 'server-only';
// Imports started from the Directory Import page run as jobs the page polls for progress (the
// page must not wait on one long request, and a reload finds the job again by its id). A job is a
// row of ImportJob, so whichever app instance behind a load balancer a poll reaches answers it,
// and a restart does not forget it.
//
// The instance running the import writes its progress at most every HEARTBEAT_MS, and heartbeatAt
// with it. A running job whose heartbeat stopped (STALE_MS) was cut off with its server: it is
// reported failed, and truly nothing was changed, since the import writes in one transaction that
// its server's end rolled back.
//
// On SQLite the import holds the database's only write lock from its first row checked to its
// last written, so no heartbeat can be written meanwhile: its own instance answers from memory,
// and another one does not call a job stale while the write lock is held.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { ImportJobState, ImportJobStatus, ImportOptions, ImportProgress, ImportReport } from '@/lib/core/directory-import/report';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { currentActor } from '@/lib/server/auth/actor';
import { type Db, db, provider } from '@/lib/server/db';
import { conflict, toAppError } from '@/lib/server/errors';
import { databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';
import { checkImportRequest, importDirectory } from './import-directory';
import { isSqliteBusy, sqliteWriteLockHeld } from './sqlite-directory';

/** Finished jobs are kept this long for the page (and problems.csv), and at most this many. */
const KEEP_MS = 60 * 60 * 1000;
const KEEP_COUNT = 50;
/** How often a running job's progress (and heartbeat) is written. */
const HEARTBEAT_MS = 500;
/** A running job whose heartbeat is older than this was cut off with its server. */
export const STALE_MS = 2 * 60 * 1000;
/** How long a job's own writes wait for a write lock held elsewhere (SQLite), as the console's writers do. */
const LOCK_WAIT_MS = 10_000;

export const STOPPED_MESSAGE = 'The server running this import stopped before it finished; nothing was changed.';

type Running = ImportJobStatus & { administratorId: number | null };
const holder = globalThis as unknown as { xadmImportJobs?: Map<string, Running>; xadmImportJobDb?: Db };
/** This instance's running jobs: their progress is fresher here than in the row. */
const running = (holder.xadmImportJobs ??= new Map<string, Running>());

/**
 * The client job rows are written with. On SQLite not the app's: its busy timeout waits for a
 * lock synchronously, and the lock may be held by this very process's import, which could then
 * not go on (the event loop waiting) — the wait would end only in an error 10 s later. This client
 * gives up at once (SQLITE_BUSY), and jobWrite waits asynchronously instead.
 */
function jobDb(): Db {
  if (provider !== 'sqlite') return db;
  return (holder.xadmImportJobDb ??= new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${sqlitePath(databaseUrl())}`, timeout: 0 }) }));
}

/** A write of job rows, waiting for SQLite's write lock (without blocking the event loop) up to LOCK_WAIT_MS. */
async function jobWrite<T>(write: (client: Db) => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await write(jobDb());
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** SQLite's write lock is held elsewhere: better-sqlite3's SQLITE_BUSY, which Prisma's adapter reports as a timeout (P1008). */
function isBusy(error: unknown): boolean {
  if (provider !== 'sqlite') return false;
  return isSqliteBusy(error) || (error as { code?: unknown } | null)?.code === 'P1008';
}

const INITIAL_PROGRESS = (bytesTotal: number): ImportProgress => ({ phase: 'reading', bytesRead: 0, bytesTotal, rowsRead: 0, rowsChecked: 0, rowsToApply: 0, rowsApplied: 0 });

/** Drops finished jobs older than KEEP_MS or beyond the KEEP_COUNT newest, and running ones abandoned as long ago. */
async function prune(now: number) {
  const before = new Date(now - KEEP_MS);
  await jobWrite(async (client) => {
    await client.importJob.deleteMany({ where: { OR: [{ finishedAt: { lt: before } }, { state: 'running', heartbeatAt: { lt: before } }] } });
    const surplus = await client.importJob.findMany({ where: { finishedAt: { not: null } }, orderBy: [{ finishedAt: 'desc' }, { id: 'asc' }], skip: KEEP_COUNT, select: { id: true } });
    if (surplus.length) await client.importJob.deleteMany({ where: { id: { in: surplus.map((j) => j.id) } } });
  });
}

/** Starts an import in the background and answers at once with its job. */
export async function startImportJob(bytes: Uint8Array, options: ImportOptions, fileName: string | null): Promise<ImportJobStatus> {
  await checkImportRequest(bytes, options);
  const actor = await currentActor();
  const now = new Date();
  const job: Running = {
    id: randomUUID(),
    state: 'running',
    fileName,
    startedAt: now.toISOString(),
    progress: INITIAL_PROGRESS(bytes.byteLength),
    report: null,
    error: null,
    administratorId: actor.administratorId,
  };
  try {
    await prune(now.getTime());
    await jobWrite((client) =>
      client.importJob.create({
        data: { id: job.id, administratorId: job.administratorId, state: 'running', fileName, startedAt: now, heartbeatAt: now, progress: JSON.stringify(job.progress) },
        select: { id: true },
      }),
    );
  } catch (error) {
    if (isBusy(error)) throw conflict('The directory is locked by another long change (another import?), so the import was not started. Start it again when that is done.');
    throw error;
  }
  running.set(job.id, job);

  // The heartbeat: the latest progress, at most every HEARTBEAT_MS, one write at a time. A write
  // that cannot be made now (SQLite: the import holds the lock) is simply the next one's to make.
  let writing = false;
  const beat = async () => {
    if (writing || job.state !== 'running') return;
    writing = true;
    try {
      await jobDb().importJob.updateMany({ where: { id: job.id, state: 'running' }, data: { progress: JSON.stringify(job.progress), heartbeatAt: new Date() } });
    } catch (error) {
      if (!isBusy(error)) console.error(`Directory Import job ${job.id}: its progress could not be saved:`, error);
    } finally {
      writing = false;
    }
  };
  const heartbeat = setInterval(() => void beat(), HEARTBEAT_MS);
  heartbeat.unref();

  importDirectory(bytes, options, (progress) => {
    job.progress = progress;
  })
    .then(
      (report) => finish(job, 'done', report, null),
      // An unexpected error is logged by toAppError; the page shows its message. Nothing was committed.
      (error: unknown) => finish(job, 'failed', null, `${toAppError(error).message} Nothing was changed.`),
    )
    .finally(() => clearInterval(heartbeat));
  return publicStatus(job);
}

/** Records the job's end. Kept in this instance's memory until the row says so too. */
async function finish(job: Running, state: ImportJobState, report: ImportReport | null, error: string | null) {
  Object.assign(job, { state, report, error });
  try {
    // Longer than a lock wait: until the row is written, other instances see the job running, and
    // once its heartbeat is stale, failed.
    await jobWrite(
      (client) =>
        client.importJob.update({
          where: { id: job.id },
          data: { state, finishedAt: new Date(), heartbeatAt: new Date(), progress: JSON.stringify(job.progress), report: report && JSON.stringify(report), error },
          select: { id: true },
        }),
      STALE_MS / 2,
    );
    running.delete(job.id);
  } catch (cause) {
    // This instance still answers for it (from memory) until it restarts.
    console.error(`Directory Import job ${job.id} ended (${state}) but that could not be saved:`, cause);
  }
}

const publicStatus = ({ administratorId: _administratorId, ...status }: Running): ImportJobStatus => status;

type JobRow = { id: string; state: string; fileName: string | null; startedAt: Date; heartbeatAt: Date; progress: string; report: string | null; error: string | null };

/** Whether a job whose heartbeat stopped may still be running: on SQLite, an import holds the write lock while it works. */
function heartbeatMayBePaused(): boolean {
  return provider === 'sqlite' && sqliteWriteLockHeld();
}

/** The job, from this instance's memory when it runs it, else from its row; null when unknown (or pruned). */
export async function getImportJob(id: string): Promise<ImportJobStatus | null> {
  const mine = running.get(id);
  if (mine) return publicStatus(mine);
  const row: JobRow | null = await jobDb().importJob.findUnique({
    where: { id },
    select: { id: true, state: true, fileName: true, startedAt: true, heartbeatAt: true, progress: true, report: true, error: true },
  });
  if (!row) return null;
  const status: ImportJobStatus = {
    id: row.id,
    state: row.state as ImportJobState,
    fileName: row.fileName,
    startedAt: row.startedAt.toISOString(),
    progress: JSON.parse(row.progress) as ImportProgress,
    report: row.report === null ? null : (JSON.parse(row.report) as ImportReport),
    error: row.error,
  };
  if (status.state === 'running' && Date.now() - row.heartbeatAt.getTime() > STALE_MS && !heartbeatMayBePaused()) {
    // Recorded, so that the job is pruned in time; only if its heartbeat did not move meanwhile.
    await jobWrite((client) =>
      client.importJob.updateMany({ where: { id, state: 'running', heartbeatAt: row.heartbeatAt }, data: { state: 'failed', error: STOPPED_MESSAGE, finishedAt: new Date() } }),
    ).catch((error: unknown) => console.error(`Directory Import job ${id}: could not record that it stopped:`, error));
    return { ...status, state: 'failed', error: STOPPED_MESSAGE };
  }
  return status;
}
