import { apiRoute, json, readQuery } from '@/lib/server/api/handler';
import { listAuditEntries } from '@/lib/server/audit/list-audit-entries';
import { auditListQuerySchema } from '@/lib/validation/audit-log';

// GET /api/v1/audit – one page of the audit trail the caller may see (administrator, action, objectType, object, from, to, page, perPage, sort)
export const GET = apiRoute(async (request) => json(await listAuditEntries(readQuery(request, auditListQuerySchema))));
