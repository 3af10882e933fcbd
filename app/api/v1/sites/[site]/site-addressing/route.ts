import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';
import { updateSiteAddressing } from '@/lib/server/site-addressing/update-site-addressing';
import { siteAddressingSchema } from '@/lib/validation/site-addressing';

type Params = { site: string };

// GET /api/v1/sites/{site}/site-addressing – the generation rule per address type
export const GET = apiRoute<Params>(async (_request, { site }) => json(await getSiteAddressing(site)));

// PUT /api/v1/sites/{site}/site-addressing – replace the rules; updateExisting regenerates reply addresses
export const PUT = apiRoute<Params>(async (request, { site }) => json(await updateSiteAddressing(site, await readBody(request, siteAddressingSchema))));
