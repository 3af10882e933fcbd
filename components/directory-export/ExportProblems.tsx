// The values Directory Export refused to write (write-export.ts): each recipient by directory
// name, with a link that finds it in the Recipients container, the attribute and why.
import Link from 'next/link';
import { recipientsListPath } from '@/components/recipients/paths';
import type { ExportProblem } from '@/lib/core/directory-import/write-export';

type ExportProblemsProps = { site: string; problems: ExportProblem[]; problemCount: number };

export function ExportProblems({ site, problems, problemCount }: ExportProblemsProps) {
  const more = problemCount - problems.length;
  return (
    <div className="export-problems" role="alert" aria-labelledby="export-problems-title">
      <p id="export-problems-title" className="export-problems-title">
        The file was not written: {problemCount} value{problemCount === 1 ? '' : 's'} cannot be written to an export file. Change{' '}
        {problemCount === 1 ? 'it' : 'them'}, or leave out {problemCount === 1 ? 'its column' : 'their columns'}, and export again.
      </p>
      <div className="sunken-panel export-problems-table">
        <table>
          <thead>
            <tr>
              <th scope="col">Directory Name</th>
              <th scope="col">Attribute</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, index) => (
              <tr key={index}>
                <td>
                  <Link href={recipientsListPath(site, new URLSearchParams({ q: p.directoryName }).toString())}>{p.directoryName}</Link>
                </td>
                <td>{p.column}</td>
                <td className="export-problem-reason">{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <p className="export-problems-more">… and {more} more.</p>}
    </div>
  );
}
