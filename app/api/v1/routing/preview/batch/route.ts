import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { previewRoutingBatch } from '@/lib/server/routing/preview-routing';
import { routingBatchSchema } from '@/lib/validation/routing';

// POST /api/v1/routing/preview/batch – up to 10,000 previews, answered in the order asked
export const POST = apiRoute(async (request) => {
  const { items } = await readBody(request, routingBatchSchema);
  return json({ results: await previewRoutingBatch(items) });
});
