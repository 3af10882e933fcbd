import { apiRoute, json, readQuery } from '@/lib/server/api/handler';
import { findRecipients } from '@/lib/server/recipients/find-recipients';
import { findRecipientsQuerySchema } from '@/lib/validation/find-recipients';

// GET /api/v1/recipients/find – Find Recipients: display name, alias and/or address (each "begins with"), in a site or the whole organization
export const GET = apiRoute(async (request) => json(await findRecipients(readQuery(request, findRecipientsQuerySchema))));
