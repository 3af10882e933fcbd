import { apiRoute, json, readBody, readId } from '@/lib/server/api/handler';
import { removeProxyAddress } from '@/lib/server/recipients/remove-proxy-address';
import { updateProxyAddress } from '@/lib/server/recipients/update-proxy-address';
import { proxyAddressPatchSchema } from '@/lib/validation/recipient';

type Params = { id: string; proxyId: string };

// PATCH /api/v1/recipients/{id}/proxy-addresses/{proxyId} – Edit the address and/or Set As Reply Address
export const PATCH = apiRoute<Params>(async (request, { id, proxyId }) =>
  json(await updateProxyAddress(readId(id), readId(proxyId, 'proxyId'), await readBody(request, proxyAddressPatchSchema))),
);

// DELETE /api/v1/recipients/{id}/proxy-addresses/{proxyId} – Remove (refused for a reply address)
export const DELETE = apiRoute<Params>(async (_request, { id, proxyId }) =>
  json(await removeProxyAddress(readId(id), readId(proxyId, 'proxyId'))),
);
