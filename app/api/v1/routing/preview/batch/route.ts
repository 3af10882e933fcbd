import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { previewRoutingBatch } from '@/lib/server/routing/preview-routing';
import { routingBatchSchema } from '@/lib/validation/routing';

// POST /api/v1/routing/preview/batch – up to 10,000 previews, answered in the order asked ("steps": false to leave steps out)
export const POST = apiRoute(async (request) => {
  const { items, steps } = await readBody(request, routingBatchSchema);
  return json({ results: await previewRoutingBatch(items, { steps }) });
});
