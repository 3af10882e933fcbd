import { apiRoute, json, readBody, readQuery } from '@/lib/server/api/handler';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { listRecipients } from '@/lib/server/recipients/list-recipients';
import { createRecipientSchema } from '@/lib/validation/recipient';
import { recipientListQuerySchema } from '@/lib/validation/recipient-list';

// GET /api/v1/recipients – one page of a site's Recipients container (site, q, page, perPage, sort, kind)
export const GET = apiRoute(async (request) => json(await listRecipients(readQuery(request, recipientListQuerySchema))));

// POST /api/v1/recipients – create a mailbox, custom recipient or distribution list
export const POST = apiRoute(async (request) => json(await createRecipient(await readBody(request, createRecipientSchema)), 201));
