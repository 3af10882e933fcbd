import { apiRoute, json } from '@/lib/server/api/handler';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

// GET /api/v1/sites – the organization and its sites
export const GET = apiRoute(async () => json(await getOrganizationTree()));
