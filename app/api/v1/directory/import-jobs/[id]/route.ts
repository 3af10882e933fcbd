import { apiRoute, json } from '@/lib/server/api/handler';
import { getImportJob } from '@/lib/server/directory-import/import-jobs';
import { notFound } from '@/lib/server/errors';

// GET /api/v1/directory/import-jobs/{id} – an import's progress, and its report once done
export const GET = apiRoute<{ id: string }>(async (_request, { id }) => {
  const job = await getImportJob(id);
  if (!job) throw notFound(`There is no import job ${id.slice(0, 40)}: it finished more than an hour ago (or it never existed).`);
  return json({ job });
});
