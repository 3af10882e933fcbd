// What a Directory Import run reports (KB Q155594; the "report"): the same shape behind
// the Tools → Directory Import page, `npm run directory -- import` and POST /api/v1/directory/import.
import { stringify } from 'csv-stringify/sync';
import type { ImportProblem } from './parse-import';

export type { ImportProblem } from './parse-import';

/** The choices of the Directory Import dialog (and the API's query parameters, the command's flags). */
export type ImportOptions = {
  /** The container (site) new recipients are created in and rows are matched against; default: the first site. */
  site?: string;
  /** Exchange's "Overwrite multivalued properties": a multivalued value replaces the stored one; otherwise it is appended. */
  overwrite: boolean;
  /** A dry run: everything is checked, nothing is written. */
  validateOnly: boolean;
  /** Apply the valid rows even when other rows have problems (by default nothing is applied then). */
  applyValid: boolean;
};

export const DEFAULT_IMPORT_OPTIONS: ImportOptions = { overwrite: false, validateOnly: false, applyValid: false };

/** reading: the file is parsed; checking: rows are matched with the directory; applying: rows are written. */
export type ImportPhase = 'reading' | 'checking' | 'applying' | 'done';

export type ImportProgress = {
  phase: ImportPhase;
  /** Bytes of the file read so far, and its size when known (the page knows it; a chunked upload may not). */
  bytesRead: number;
  bytesTotal: number | null;
  rowsRead: number;
  rowsChecked: number;
  /** Rows that change the directory (known once checking is done), and how many of them are written. */
  rowsToApply: number;
  rowsApplied: number;
};

export type ImportCounts = {
  created: number;
  modified: number;
  deleted: number;
  /** Rows whose values are what the directory already holds. */
  unchanged: number;
  /** Rows left out because of a problem. */
  rejected: number;
};

export type ImportReport = {
  site: string;
  options: ImportOptions;
  /** Whether the directory was changed (false for a dry run, and for a file with problems unless applyValid). */
  applied: boolean;
  /** What was done, or, when nothing was applied, what would have been done. */
  counts: ImportCounts;
  /** Every problem, in line order, with its line, column, value and reason. */
  problems: ImportProblem[];
  /** One sentence for the admin, e.g. "No changes were made: 3 rows have problems." */
  message: string;
  durationMs: number;
};

/** An import started from the page runs as a job the page polls. */
export type ImportJobState = 'running' | 'done' | 'failed';

export type ImportJobStatus = {
  id: string;
  state: ImportJobState;
  fileName: string | null;
  startedAt: string;
  progress: ImportProgress;
  /** Set when state is done. */
  report: ImportReport | null;
  /** Set when state is failed: the import could not run (nothing was changed). */
  error: string | null;
};

export const PROBLEM_CSV_HEADER = ['Line', 'Column', 'Value', 'Reason'] as const;

/** The report's problems as a CSV file (the page's "Download" and the API's problems.csv). */
export function formatProblemsCsv(problems: readonly ImportProblem[]): string {
  return stringify(
    [PROBLEM_CSV_HEADER as unknown as string[], ...problems.map((p) => [String(p.line), p.column ?? '', p.value ?? '', p.reason])],
    { record_delimiter: 'windows' },
  );
}
