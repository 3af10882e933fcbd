// A running (or just finished) import: 98.css's segmented progress bar for the current phase and
// a line with the phase and its counts. Only the phase is announced (a polite live region);
// announcing every count would talk over the admin several times a second.
import type { ImportJobStatus } from '@/lib/core/directory-import/report';
import { formatNumber, progressPercent, progressText } from './describe';

const PHASE_WORDS = { reading: 'Reading the file', checking: 'Checking the rows', applying: 'Applying the changes', done: 'Finishing' } as const;

export function ImportProgressView({ job, fileSize }: { job: ImportJobStatus; fileSize: number | null }) {
  const percent = progressPercent(job, fileSize);
  const finished = job.state !== 'running';
  const rows = job.progress.rowsRead;
  const text = finished ? `Done: ${formatNumber(rows)} ${rows === 1 ? 'row' : 'rows'} read` : progressText(job.progress);
  return (
    <div className="import-progress">
      <div
        className="progress-indicator segmented"
        role="progressbar"
        aria-label={`Import of ${job.fileName ?? 'the file'}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${text}`}
      >
        <span className="progress-indicator-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-progress-text">
        <span>{text}</span>
        <span className="import-progress-percent">{percent}%</span>
      </p>
      <p className="import-sr-only" aria-live="polite">
        {finished ? 'Import finished' : PHASE_WORDS[job.progress.phase]}
      </p>
    </div>
  );
}
