import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { updateMsMailConnector } from '@/lib/server/routing/update-msmail-connector';
import { msMailConnectorSchema } from '@/lib/validation/routing';

type Params = { site: string };

// GET /api/v1/sites/{site}/msmail-connector – its own postoffice and the postoffices it knows
export const GET = apiRoute<Params>(async (_request, { site }) => json(await getMsMailConnector(site)));

// PUT /api/v1/sites/{site}/msmail-connector – replace it whole
export const PUT = apiRoute<Params>(async (request, { site }) => json(await updateMsMailConnector(site, await readBody(request, msMailConnectorSchema))));
