import { apiRoute, json, readBody } from '@/lib/server/api/handler';
import { getInternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { updateInternetMailService } from '@/lib/server/routing/update-internet-mail-service';
import { internetMailServiceSchema } from '@/lib/validation/routing';

type Params = { site: string };

// GET /api/v1/sites/{site}/internet-mail-service – host name, administrator's mailbox, Routing tab
export const GET = apiRoute<Params>(async (_request, { site }) => json(await getInternetMailService(site)));

// PUT /api/v1/sites/{site}/internet-mail-service – replace it whole; a rewrite loop needs confirmLoops
export const PUT = apiRoute<Params>(async (request, { site }) => json(await updateInternetMailService(site, await readBody(request, internetMailServiceSchema))));
