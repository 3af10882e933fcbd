import { apiRoute, json, readBody, readQuery } from '@/lib/server/api/handler';
import { createOwnApiToken } from '@/lib/server/tokens/create-own-api-token';
import { listApiTokens } from '@/lib/server/tokens/list-api-tokens';
import { createTokenSchema, tokensQuerySchema } from '@/lib/validation/tokens';

// GET /api/v1/tokens?username= – your API tokens (names and dates, never the token), or another administrator's for a Permissions Admin
export const GET = apiRoute(async (request) => json(await listApiTokens(readQuery(request, tokensQuerySchema))));

// POST /api/v1/tokens – create a token { name, username? }; the answer holds the token, shown this once
export const POST = apiRoute(async (request) => {
  const { name, username } = await readBody(request, createTokenSchema);
  return json(await createOwnApiToken(name, username), 201);
});
