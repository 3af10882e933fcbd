// One Directory Import in a process of its own, so its peak memory is the import's: run by
// scripts/bench/import-bench.ts with DATABASE_URL set, through `node --import tsx
// --conditions=react-server` (the same code as `npm run directory -- import`).
//   node ... import-child.ts FILE [overwrite]
import fs from 'node:fs';
import type { ImportPhase } from '../../lib/core/directory-import/report';
import { importDirectory } from '../../lib/server/directory-import/import-directory';

export type ImportChildReport = {
  ms: number;
  maxRssMb: number;
  phases: Partial<Record<ImportPhase, number>>;
  counts: Record<string, number>;
  problems: number;
  firstProblem: string | null;
  applied: boolean;
};

async function main() {
  const [file, mode] = process.argv.slice(2);
  const started = performance.now();
  const phases: Partial<Record<ImportPhase, number>> = {};
  const bytes = fs.readFileSync(file);
  phases.reading = 0;
  const report = await importDirectory(bytes, { overwrite: mode === 'overwrite', validateOnly: false, applyValid: false }, (progress) => {
    phases[progress.phase] ??= performance.now() - started;
  });
  const result: ImportChildReport = {
    ms: performance.now() - started,
    // resourceUsage().maxRSS is in kilobytes: the process's peak, file and all.
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    phases,
    counts: report.counts,
    problems: report.problems.length,
    firstProblem: report.problems[0] ? JSON.stringify(report.problems[0]) : null,
    applied: report.applied,
  };
  // Then exit: on PostgreSQL, idle pool connections would keep the process (and the bench) waiting.
  process.send!(result, () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
