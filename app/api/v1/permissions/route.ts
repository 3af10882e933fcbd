import { apiRoute, json, readBody, readQuery } from '@/lib/server/api/handler';
import { grantRole } from '@/lib/server/permissions/grant-role';
import { listPermissions } from '@/lib/server/permissions/list-permissions';
import { grantRoleSchema, permissionsQuerySchema } from '@/lib/validation/permissions';

// GET /api/v1/permissions?site= – who has which role on the organisation (no site) or a site, with the organisation's grants as inherited
export const GET = apiRoute(async (request) => json(await listPermissions(readQuery(request, permissionsQuerySchema).site)));

// POST /api/v1/permissions – grant { username, role, site? } (no site: the organisation); Permissions Admin only
export const POST = apiRoute(async (request) => json(await grantRole(await readBody(request, grantRoleSchema)), 201));
