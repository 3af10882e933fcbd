import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { previewRouting } from '@/lib/server/routing/preview-routing';
import { routingPreviewSchema } from '@/lib/validation/routing';

// POST /api/v1/routing/preview – where mail to one address lands, with the steps that led there
export const POST = apiRoute(async (request) => json(await previewRouting(await readBody(request, routingPreviewSchema))));
