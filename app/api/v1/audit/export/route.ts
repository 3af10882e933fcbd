import { apiRoute, readQuery } from '@/lib/server/api/handler';
import { exportAuditEntries } from '@/lib/server/audit/export-audit-entries';
import { auditExportQuerySchema } from '@/lib/validation/audit-log';

// GET /api/v1/audit/export – the audit entries the caller may see, with the Audit Log's filters and sort, as a CSV file
export const GET = apiRoute(async (request) => {
  const exported = await exportAuditEntries(readQuery(request, auditExportQuerySchema));
  return new Response(exported.text, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${exported.fileName}"`,
      'Cache-Control': 'no-store',
      'X-Entry-Count': String(exported.count),
    },
  });
});
