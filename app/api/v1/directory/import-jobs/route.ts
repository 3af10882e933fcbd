import { importOptionsOf, importQuerySchema } from '@/lib/validation/directory-import';
import { apiRoute, json, readQuery } from '@/lib/server/api/handler';
import { startImportJob } from '@/lib/server/directory-import/import-jobs';
import { readImportBody } from '@/lib/server/directory-import/read-import-body';

// POST /api/v1/directory/import-jobs – starts an import in the background (the page's Import button); poll the job for progress
export const POST = apiRoute(async (request) => {
  const query = readQuery(request, importQuerySchema);
  const bytes = await readImportBody(request);
  return json({ job: await startImportJob(bytes, importOptionsOf(query), query.fileName ?? null) }, 202);
});
