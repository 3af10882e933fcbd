import { apiRoute, json } from '@/lib/server/api/handler';
import { getRoutingHealth } from '@/lib/server/routing/get-routing-health';

type Params = { site: string };

// GET /api/v1/sites/{site}/routing-health – the problems the KB articles warn about, each with the object to fix
export const GET = apiRoute<Params>(async (_request, { site }) => json(await getRoutingHealth(site)));
