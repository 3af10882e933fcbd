// The page's calls to the import jobs API (POST /api/v1/directory/import-jobs, GET .../{id}):
// the browser sends the file itself, so the page cannot go through a server action's form data
// without holding the whole file in the server's memory twice.
import type { ImportJobStatus, ImportOptions } from '@/lib/core/directory-import/report';

const JOBS = '/api/v1/directory/import-jobs';

export const problemsCsvUrl = (jobId: string) => `${JOBS}/${encodeURIComponent(jobId)}/problems.csv`;

/** The API's error shape (docs/api.md): a code, a message, and the fields it names. */
export type ApiError = { status: number; code: string; message: string; fields: Record<string, string> };

export type JobAnswer = { ok: true; job: ImportJobStatus } | { ok: false; error: ApiError };

async function readError(response: Response): Promise<ApiError> {
  const fallback = { status: response.status, code: 'http', message: `The server answered ${response.status} ${response.statusText}.`.replace(' .', '.'), fields: {} };
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; fields?: Record<string, string> } };
    if (!body.error) return fallback;
    return { status: response.status, code: body.error.code ?? 'http', message: body.error.message ?? fallback.message, fields: body.error.fields ?? {} };
  } catch {
    return response.status === 413 ? { ...fallback, code: 'too_large', message: 'The file is too large to import.' } : fallback;
  }
}

async function readJob(response: Response): Promise<JobAnswer> {
  if (!response.ok) return { ok: false, error: await readError(response) };
  const body = (await response.json()) as { job: ImportJobStatus };
  return { ok: true, job: body.job };
}

/** Starts an import of `file` with the dialog's options; the answer is the new job (202) or why not. */
export async function startImport(file: File, options: Required<ImportOptions>, signal?: AbortSignal): Promise<JobAnswer> {
  const query = new URLSearchParams({
    site: options.site,
    overwrite: String(options.overwrite),
    validateOnly: String(options.validateOnly),
    applyValid: String(options.applyValid),
    fileName: file.name,
  });
  const response = await fetch(`${JOBS}?${query}`, { method: 'POST', body: file, headers: { 'content-type': 'text/csv' }, signal });
  return readJob(response);
}

export async function getImportJob(jobId: string, signal?: AbortSignal): Promise<JobAnswer> {
  const response = await fetch(`${JOBS}/${encodeURIComponent(jobId)}`, { cache: 'no-store', signal });
  return readJob(response);
}
