import 'server-only';
import { allows } from '@/lib/core/auth/permissions';
import { currentActor } from '@/lib/server/auth/actor';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites } from '@/lib/server/db';
import { conflict, notFound } from '@/lib/server/errors';
import { type ApiTokenEntry, apiTokenEntry, apiTokenSelect, auditedTokenName } from './select';

/**
 * API Tokens → Revoke: the token stops working at once. An administrator revokes their own tokens;
 * a Permissions Admin of the organisation anyone's. Someone else's token reads as missing (404).
 */
export async function revokeOwnApiToken(id: number): Promise<ApiTokenEntry & { username: string }> {
  const actor = await currentActor();
  // The permission is part of the query: another administrator's token is simply not found.
  const mine = allows(actor.grants, 'manage', null) ? {} : { administratorId: actor.administratorId ?? -1 };
  return db.$transaction(async (tx) => {
    await serializeWrites(tx);
    const token = await tx.apiToken.findFirst({ where: { id, ...mine }, select: { ...apiTokenSelect, administrator: { select: { username: true } } } });
    if (!token) throw notFound(`There is no API token ${id}.`);
    const owner = token.administrator.username;
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw conflict(`The API token '${token.name}' of ${owner} is already revoked.`);
    await recordAudit(tx, { action: 'token.revoke', objectType: 'api-token', objectId: id, objectName: auditedTokenName(token.name, owner), siteId: null, before: { name: token.name }, after: null });
    const revoked = await tx.apiToken.findUniqueOrThrow({ where: { id }, select: apiTokenSelect });
    return { ...apiTokenEntry(revoked), username: owner };
  });
}
