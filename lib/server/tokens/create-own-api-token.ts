import 'server-only';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites } from '@/lib/server/db';
import { findTokenOwner } from './find-token-owner';
import { insertApiToken } from './insert-api-token';
import { type ApiTokenEntry, apiTokenEntry, auditedTokenName } from './select';

export type CreatedApiToken = ApiTokenEntry & {
  username: string;
  /** Shown once: only its SHA-256 is stored. */
  token: string;
};

/**
 * API Tokens → New Token...: a token for the acting administrator, or for another one when a
 * Permissions Admin of the organisation names them. The audit entry names the token, never holds it.
 */
export async function createOwnApiToken(name: string, username?: string | null): Promise<CreatedApiToken> {
  return db.$transaction(async (tx) => {
    await serializeWrites(tx);
    const owner = await findTokenOwner(tx, username);
    const { row, token } = await insertApiToken(tx, owner.id, name);
    await recordAudit(tx, { action: 'token.create', objectType: 'api-token', objectId: row.id, objectName: auditedTokenName(row.name, owner.username), siteId: null, before: null, after: { name: row.name } });
    return { ...apiTokenEntry(row), username: owner.username, token };
  });
}
