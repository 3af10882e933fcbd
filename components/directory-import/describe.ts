// Words and numbers for the Directory Import page: the progress line and bar, the report's counts.
// Pure functions over the job status the server sends (lib/core/directory-import/report.ts).
import type { ImportCounts, ImportJobStatus, ImportProgress, ImportReport } from '@/lib/core/directory-import/report';

/** Fixed locale, so the server's first render and the browser's agree. */
const number = (value: number) => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string) => `${number(count)} ${count === 1 ? one : many}`;

const ratio = (part: number, whole: number | null) => (whole && whole > 0 ? Math.min(100, Math.max(0, Math.floor((part / whole) * 100))) : 0);

/**
 * The bar's percentage for the current phase: reading = bytes read of the file's size (the
 * server's, else the size of the file this page sent), checking = rows checked of rows read,
 * applying = rows written of rows to write; a finished job is full.
 */
export function progressPercent(job: Pick<ImportJobStatus, 'state' | 'progress'>, fileSize: number | null): number {
  if (job.state !== 'running') return 100;
  const progress = job.progress;
  switch (progress.phase) {
    case 'reading':
      return ratio(progress.bytesRead, progress.bytesTotal ?? fileSize);
    case 'checking':
      return ratio(progress.rowsChecked, progress.rowsRead);
    case 'applying':
      return ratio(progress.rowsApplied, progress.rowsToApply);
    case 'done':
      return 100;
  }
}

/** "Reading: 41,200 rows read", "Checking: 12,000 of 100,000 rows", "Applying: 60,000 of 100,000 rows applied". */
export function progressText(progress: ImportProgress): string {
  switch (progress.phase) {
    case 'reading':
      return `Reading: ${plural(progress.rowsRead, 'row', 'rows')} read`;
    case 'checking':
      return `Checking: ${number(progress.rowsChecked)} of ${plural(progress.rowsRead, 'row', 'rows')}`;
    case 'applying':
      return `Applying: ${number(progress.rowsApplied)} of ${plural(progress.rowsToApply, 'row', 'rows')} applied`;
    case 'done':
      return `Finishing: ${plural(progress.rowsRead, 'row', 'rows')} read`;
  }
}

export type CountLine = { key: keyof ImportCounts; label: string; value: string };

const DONE_WORDS: Record<keyof ImportCounts, string> = {
  created: 'Created',
  modified: 'Modified',
  deleted: 'Deleted',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};

/** Nothing was written (Validate only, or a file with problems): what the import would have done. */
const WOULD_WORDS: Record<keyof ImportCounts, string> = {
  created: 'Would be created',
  modified: 'Would be modified',
  deleted: 'Would be deleted',
  unchanged: 'Would stay unchanged',
  rejected: 'Would be rejected',
};

export function countLines(report: Pick<ImportReport, 'applied' | 'counts'>): CountLine[] {
  const words = report.applied ? DONE_WORDS : WOULD_WORDS;
  return (Object.keys(DONE_WORDS) as (keyof ImportCounts)[]).map((key) => ({ key, label: words[key], value: number(report.counts[key]) }));
}

/** The banner's word above the report's message: what happened to the directory, at a glance. */
export function reportOutcome(report: Pick<ImportReport, 'applied' | 'options' | 'problems'>): { word: string; tone: 'applied' | 'validated' | 'refused' } {
  if (report.applied) return { word: report.problems.length > 0 ? 'Partly imported' : 'Imported', tone: 'applied' };
  if (report.options.validateOnly) return { word: 'Validate only', tone: 'validated' };
  return { word: 'Not imported', tone: 'refused' };
}

/** How many problems the page lists; the CSV download has every one. */
export const PROBLEMS_SHOWN = 500;

export const problemCount = (count: number) => plural(count, 'problem', 'problems');

export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export const formatNumber = number;
