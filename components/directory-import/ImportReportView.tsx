// A finished import's report: what happened to the directory (or, when nothing was written, what
// would have), the counts, and the problems with their line, column, value and reason. A long
// list shows its first PROBLEMS_SHOWN rows; the CSV download has all of them.
import Link from 'next/link';
import type { Ref } from 'react';
import { MessageIcon } from '@/components/shell/icons';
import { paths } from '@/components/shell/paths';
import type { ImportReport } from '@/lib/core/directory-import/report';
import { problemsCsvUrl } from './api';
import { PROBLEMS_SHOWN, countLines, durationText, formatNumber, problemCount, reportOutcome } from './describe';

export type ImportReportViewProps = {
  jobId: string;
  fileName: string | null;
  report: ImportReport;
  headingRef: Ref<HTMLHeadingElement>;
};

export function ImportReportView({ jobId, fileName, report, headingRef }: ImportReportViewProps) {
  const outcome = reportOutcome(report);
  const shown = report.problems.slice(0, PROBLEMS_SHOWN);
  const more = report.problems.length - shown.length;
  const download = (
    <a className="import-download" href={problemsCsvUrl(jobId)} download>
      Download problems (CSV)
    </a>
  );
  const changed = report.applied && report.counts.created + report.counts.modified + report.counts.deleted > 0;

  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <div className={`import-outcome import-outcome-${outcome.tone}`}>
        <MessageIcon name={outcome.tone === 'refused' ? 'warning' : 'information'} />
        <div>
          <p className="import-outcome-word">{outcome.word}</p>
          <h2 id="import-report-title" className="import-outcome-message" tabIndex={-1} ref={headingRef}>
            {report.message}
          </h2>
          <p className="import-outcome-detail">
            {fileName ?? 'The file'} into {report.site}; multivalued properties {report.options.overwrite ? 'overwritten' : 'appended'}
            {report.options.validateOnly ? '; validate only' : ''}; {durationText(report.durationMs)}.
          </p>
        </div>
      </div>

      <dl className="import-counts" aria-label="Rows">
        {countLines(report).map((line) => (
          <div key={line.key} className="import-count" data-count={line.key}>
            <dt>{line.label}:</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      {changed && (
        <p className="import-next">
          The changes are in the directory: <Link href={paths.recipients(report.site)}>open the Recipients container of {report.site}</Link>.
        </p>
      )}

      <div className="import-problems-head">
        <h3>{report.problems.length === 0 ? 'No problems' : `Problems (${formatNumber(report.problems.length)})`}</h3>
        {report.problems.length > 0 && download}
      </div>
      {report.problems.length === 0 ? (
        <p className="hint import-no-problems">Every row of the file could be imported.</p>
      ) : (
        <>
          <div className="sunken-panel import-problems">
            <table aria-label="Problems">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((problem, index) => (
                  <tr key={index}>
                    <td className="import-problem-line">{problem.line}</td>
                    <td>{problem.column ?? ''}</td>
                    <td className="import-problem-value">{problem.value ?? ''}</td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more > 0 && (
            <p className="import-more">
              The first {formatNumber(shown.length)} are shown; {problemCount(more)} more are in the download:{' '}
              <a href={problemsCsvUrl(jobId)} download>
                download all {problemCount(report.problems.length)} (CSV)
              </a>
              .
            </p>
          )}
        </>
      )}
    </section>
  );
}
