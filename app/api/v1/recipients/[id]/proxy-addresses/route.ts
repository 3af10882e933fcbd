import { apiRoute, json, readBody, readId } from '@/lib/server/api/handler';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { proxyAddressInputSchema } from '@/lib/validation/recipient';

type Params = { id: string };

// GET /api/v1/recipients/{id}/proxy-addresses – the E-mail Addresses list
export const GET = apiRoute<Params>(async (_request, { id }) => json({ proxyAddresses: (await getRecipient(readId(id))).proxyAddresses }));

// POST /api/v1/recipients/{id}/proxy-addresses – add an address (New); reply address when its type has none
export const POST = apiRoute<Params>(async (request, { id }) =>
  json(await addProxyAddress(readId(id), await readBody(request, proxyAddressInputSchema)), 201),
);
