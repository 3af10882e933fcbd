import { importOptionsOf, importQuerySchema } from '@/lib/validation/directory-import';
import { apiRoute, json, readQuery } from '@/lib/server/api/handler';
import { importDirectory } from '@/lib/server/directory-import/import-directory';
import { readImportBody } from '@/lib/server/directory-import/read-import-body';

// POST /api/v1/directory/import – imports a Directory Import file (the CSV is the body) and answers with the report
export const POST = apiRoute(async (request) => {
  const options = importOptionsOf(readQuery(request, importQuerySchema));
  const bytes = await readImportBody(request);
  return json(await importDirectory(bytes, options));
});
