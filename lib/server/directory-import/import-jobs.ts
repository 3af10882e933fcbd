import 'server-only';
// Imports started from the Directory Import page run as jobs the page polls for progress (the
// page must not wait on one long request, and a reload finds the job again by its id). Jobs live
// in this server process's memory: a restart forgets them (the page says so), never a committed
// import — that is in the database or was rolled back whole.
import { randomUUID } from 'node:crypto';
import type { ImportJobStatus, ImportOptions } from '@/lib/core/directory-import/report';
import { toAppError } from '@/lib/server/errors';
import { checkImportRequest, importDirectory } from './import-directory';

/** Finished jobs are kept this long for the page (and problems.csv), and at most this many. */
const KEEP_MS = 60 * 60 * 1000;
const KEEP_COUNT = 50;

type Job = ImportJobStatus & { finishedAt: number | null };
const holder = globalThis as unknown as { xadmImportJobs?: Map<string, Job> };
const jobs = (holder.xadmImportJobs ??= new Map<string, Job>());

function prune(now: number) {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) jobs.delete(id);
  const finished = [...jobs.values()].filter((j) => j.finishedAt !== null);
  for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_COUNT))) jobs.delete(job.id);
}

const publicStatus = ({ finishedAt: _finishedAt, ...status }: Job): ImportJobStatus => status;

/** Starts an import in the background and answers at once with its job. */
export async function startImportJob(bytes: Uint8Array, options: ImportOptions, fileName: string | null): Promise<ImportJobStatus> {
  await checkImportRequest(bytes, options);
  prune(Date.now());
  const job: Job = {
    id: randomUUID(),
    state: 'running',
    fileName,
    startedAt: new Date().toISOString(),
    progress: { phase: 'reading', bytesRead: 0, bytesTotal: bytes.byteLength, rowsRead: 0, rowsChecked: 0, rowsToApply: 0, rowsApplied: 0 },
    report: null,
    error: null,
    finishedAt: null,
  };
  jobs.set(job.id, job);
  importDirectory(bytes, options, (progress) => {
    job.progress = progress;
  }).then(
    (report) => {
      job.report = report;
      job.state = 'done';
      job.finishedAt = Date.now();
    },
    (error: unknown) => {
      // An unexpected error is logged by toAppError; the page shows its message. Nothing was committed.
      job.error = `${toAppError(error).message} Nothing was changed.`;
      job.state = 'failed';
      job.finishedAt = Date.now();
    },
  );
  return publicStatus(job);
}

export function getImportJob(id: string): ImportJobStatus | null {
  const job = jobs.get(id);
  return job ? publicStatus(job) : null;
}
