'use client';
// Routing Health findings: severity, what is wrong, the KB article, and a link to what fixes it.
import Link from 'next/link';
import { recipientSheetPath } from '@/components/recipients/paths';
import { MessageIcon } from '@/components/shell/icons';
import type { HealthProblem } from '@/lib/core/routing/health';
import { KB_TITLES, objectLink } from './health-links';

export function HealthProblemList({ site, problems, names, label }: { site: string; problems: HealthProblem[]; names: ReadonlyMap<number, string>; label: string }) {
  return (
    <ul className="health-list sunken-panel" aria-label={label}>
      {problems.map((problem, index) => {
        const link = objectLink(site, problem.object, names);
        const severity = problem.severity === 'error' ? 'Error' : 'Warning';
        return (
          <li key={`${problem.code}-${index}`} className={`health-problem health-${problem.severity}`}>
            <span className="health-icon" role="img" aria-label={severity}>
              <MessageIcon name={problem.severity} />
            </span>
            <div className="health-text">
              <p>{problem.message}</p>
              <p className="health-meta">
                {problem.article && (
                  <span className="health-article" title={KB_TITLES[problem.article]}>
                    KB {problem.article}
                  </span>
                )}
                <Link href={link.href}>{link.text}</Link>
              </p>
              {problem.examples && problem.examples.length > 0 && (
                <p className="health-examples">
                  {problem.count !== undefined && problem.count > problem.examples.length ? `For example (${problem.examples.length} of ${problem.count}): ` : 'Held by: '}
                  {problem.examples.map((example, i) => (
                    <span key={`${example.recipientId}-${example.address}`}>
                      {i > 0 && ', '}
                      <Link href={recipientSheetPath(site, example.recipientId, 'email-addresses')}>{example.displayName}</Link> ({example.address})
                    </span>
                  ))}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** Display names the problems mention by id: their examples, plus any the sheet knows. */
export function recipientNames(problems: HealthProblem[], known: { id: number; displayName: string }[] = []): Map<number, string> {
  const names = new Map(known.map((r) => [r.id, r.displayName]));
  for (const problem of problems) for (const example of problem.examples ?? []) names.set(example.recipientId, example.displayName);
  return names;
}
