import { formatProblemsCsv } from '@/lib/core/directory-import/report';
import { apiRoute } from '@/lib/server/api/handler';
import { getImportJob } from '@/lib/server/directory-import/import-jobs';
import { notFound } from '@/lib/server/errors';

// GET /api/v1/directory/import-jobs/{id}/problems.csv – a finished import's problems (Line, Column, Value, Reason) as a CSV file
export const GET = apiRoute<{ id: string }>(async (_request, { id }) => {
  const job = await getImportJob(id);
  if (!job) throw notFound(`There is no import job ${id.slice(0, 40)}: it finished more than an hour ago (or it never existed).`);
  if (!job.report) throw notFound('The import is still running; its problems are known when it is done.');
  const name = (job.fileName ?? 'import').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]/g, '_');
  return new Response(formatProblemsCsv(job.report.problems), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}-problems.csv"` },
  });
});
