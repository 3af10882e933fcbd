import { apiRoute, json, readQuery } from '@/lib/server/api/handler';
import { exportDirectory } from '@/lib/server/directory-export/export-directory';
import { errorBody, invalid } from '@/lib/server/errors';
import { directoryExportQuerySchema } from '@/lib/validation/directory-export';

/** A file name any browser and file system accepts: the site's name with anything else replaced by '_'. */
const fileName = (site: string) => `${site.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'directory'}.csv`;

// GET /api/v1/directory/export – the directory (a site, optionally filtered) as a Directory Import file
export const GET = apiRoute(async (request) => {
  const exported = await exportDirectory(readQuery(request, directoryExportQuerySchema));
  if (!exported.ok) {
    // The file would read back wrongly (a '%' inside a multi-valued value, ~DEL): name every value instead.
    const { problems, problemCount } = exported;
    const first = problems[0];
    const message =
      `${problemCount} value${problemCount === 1 ? '' : 's'} cannot be written to an export file; the first: ` +
      `${first.directoryName}, ${first.column}: ${first.reason}`;
    return json({ ...errorBody(invalid(message)), problems, problemCount }, 422);
  }
  return new Response(exported.text, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName(exported.site)}"`,
      'Cache-Control': 'no-store',
      'X-Recipient-Count': String(exported.count),
    },
  });
});
