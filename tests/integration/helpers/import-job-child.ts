// Another app instance, for tests/integration/import-jobs.test.ts: starts a Directory Import job
// on the same database and runs it to its end. Run with:
//   DATABASE_URL=... node --import tsx --conditions=react-server tests/integration/helpers/import-job-child.ts FILE
// Prints one JSON line per event: {"started": id}, {"phase": "checking"} as the import moves on
// (from this instance's own view of the job), and {"finished": status} at the end.
import fs from 'node:fs';
import { db, provider } from '@/lib/server/db';
import { getImportJob, startImportJob } from '@/lib/server/directory-import/import-jobs';

const say = (event: unknown) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function main() {
  const file = process.argv[2];
  const job = await startImportJob(fs.readFileSync(file), { overwrite: false, validateOnly: false, applyValid: false }, 'other-instance.csv');
  say({ started: job.id });
  let phase = '';
  for (;;) {
    const status = (await getImportJob(job.id))!;
    if (status.progress.phase !== phase) say({ phase: (phase = status.progress.phase) });
    if (status.state !== 'running') {
      say({ finished: status });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await db.$disconnect();
  if (provider === 'postgresql') await (await import('@/lib/server/pg-pool')).pgPool().end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
