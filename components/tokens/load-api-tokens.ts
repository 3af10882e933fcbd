import 'server-only';
import { AppError } from '@/lib/server/errors';
import { listAdministrators } from '@/lib/server/permissions/list-administrators';
import { type ApiTokenList, listApiTokens } from '@/lib/server/tokens/list-api-tokens';

export type ApiTokensData = { list: ApiTokenList; administrators: string[] };

/**
 * What the API Tokens window needs: the tokens of the administrator named in the URL (read
 * leniently: a name the administrator may not open, or that does not exist, shows their own),
 * and for a Permissions Admin of the organisation the administrators to choose from.
 */
export async function loadApiTokens(username: string | undefined): Promise<ApiTokensData> {
  const list = await listApiTokens({ username }).catch((error: unknown) => {
    if (username && error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) return listApiTokens();
    throw error;
  });
  return { list, administrators: list.canManageOthers ? await listAdministrators(null) : [] };
}
