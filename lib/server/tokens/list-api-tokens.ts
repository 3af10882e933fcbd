import 'server-only';
import { allows } from '@/lib/core/auth/permissions';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { findTokenOwner } from './find-token-owner';
import { type ApiTokenEntry, apiTokenEntry, apiTokenSelect } from './select';

export type ApiTokenList = {
  username: string;
  /** A Permissions Admin of the organisation: may list, create and revoke other administrators' tokens. */
  canManageOthers: boolean;
  /** Newest first, revoked ones included (marked). */
  tokens: ApiTokenEntry[];
};

/**
 * Tools → API Tokens: the acting administrator's own tokens, or (for a Permissions Admin of the
 * organisation) another administrator's. Names and dates only, never the hash.
 */
export async function listApiTokens({ username }: { username?: string | null } = {}): Promise<ApiTokenList> {
  const owner = await findTokenOwner(db, username);
  const rows = await db.apiToken.findMany({ where: { administratorId: owner.id }, select: apiTokenSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return { username: owner.username, canManageOthers: allows((await currentActor()).grants, 'manage', null), tokens: rows.map(apiTokenEntry) };
}
