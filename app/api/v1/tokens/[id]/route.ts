import { apiRoute, json, readId } from '@/lib/server/api/handler';
import { revokeOwnApiToken } from '@/lib/server/tokens/revoke-own-api-token';

type Params = { id: string };

// DELETE /api/v1/tokens/{id} – revoke a token: your own, or anyone's for a Permissions Admin; it stops working at once
export const DELETE = apiRoute<Params>(async (_request, { id }) => json({ revoked: await revokeOwnApiToken(readId(id)) }));
