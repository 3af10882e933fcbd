import 'server-only';
import { newApiToken, secretHash } from '@/lib/core/auth/credentials';
import type { Tx } from '@/lib/server/db';
import { apiTokenSelect } from './select';

/**
 * createApiToken (lib/server/auth/administrators.ts) inside the caller's transaction, so the token
 * and its audit entry are saved together. The token is returned once; only its SHA-256 is kept.
 */
export async function insertApiToken(tx: Tx, administratorId: number, name: string) {
  const token = newApiToken();
  const row = await tx.apiToken.create({ data: { administratorId, name, tokenHash: secretHash(token) }, select: apiTokenSelect });
  return { row, token };
}
