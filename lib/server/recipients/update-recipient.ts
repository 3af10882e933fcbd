import 'server-only';
import { parseWrittenAddress } from '@/lib/core/addresses';
import { type ProxyEntry, retargetProxies } from '@/lib/core/proxy-set';
import { lowerCaseKey } from '@/lib/core/search-keys';
import { db, serializeWrites, type Tx } from '@/lib/server/db';
import { conflict, invalid, notFound } from '@/lib/server/errors';
import type { UpdateRecipientInput } from '@/lib/validation/recipient';
import { assertKeepsTarget, retryOnWriteRace, writeProxySet } from './proxy-addresses';
import { auditRecipientChange, recipientState, requireRecipientAccess } from './recipient-access';
import { resolveMembers } from './resolve-members';
import { type RecipientDetail, recipientDetailSelect, toRecipientDetail } from './select';

/**
 * Applies a property sheet's held changes (or a PATCH) in one transaction: General fields, the
 * whole E-mail Addresses list, a custom recipient's target address, a list's members and the
 * lists the recipient belongs to. Nothing is saved when any part is refused.
 */
export async function updateRecipient(id: number, input: UpdateRecipientInput): Promise<RecipientDetail> {
  const row = await retryOnWriteRace(() => db.$transaction(async (tx) => {
      await serializeWrites(tx);
      return applyUpdate(tx, id, input);
    }));
  return toRecipientDetail(row);
}

async function applyUpdate(tx: Tx, id: number, input: UpdateRecipientInput) {
  await requireRecipientAccess(tx, id, 'change');
  const before = (await recipientState(tx, id))!.state;
  const current = await tx.recipient.findUnique({
    where: { id },
    select: { id: true, kind: true, siteId: true, version: true, targetAddress: true, proxyAddresses: { select: { id: true, type: true, address: true, primary: true } } },
  });
  if (!current) throw notFound(`There is no recipient with id ${id}.`);
  if (input.version !== undefined && input.version !== current.version) {
    throw conflict('This recipient was changed by someone else after you opened it. Reload it to see the changes.', { version: String(current.version) });
  }
  if (input.targetAddress !== undefined && current.kind !== 'custom') {
    throw invalid('Only a custom recipient has a target address.', { targetAddress: 'Only a custom recipient has a target address.' });
  }
  if (input.members !== undefined && current.kind !== 'dl') {
    throw invalid('Only a distribution list has members.', { members: 'Only a distribution list has members.' });
  }

  let proxies: ProxyEntry[] | undefined = input.proxyAddresses;
  const newTarget = input.targetAddress !== undefined ? parseWrittenAddress(input.targetAddress)! : null;
  if (newTarget && input.targetAddress !== current.targetAddress) {
    proxies = retargetProxies(proxies ?? current.proxyAddresses, current.targetAddress, newTarget);
  } else if (proxies && current.kind === 'custom' && current.targetAddress) {
    assertKeepsTarget(proxies, current.targetAddress);
  }
  if (proxies) await writeProxySet(tx, id, proxies);

  if (input.members !== undefined) {
    const memberIds = await resolveMembers(tx, current.siteId, input.members);
    await tx.distributionListMember.deleteMany({ where: { listId: id } });
    if (memberIds.length) await tx.distributionListMember.createMany({ data: memberIds.map((memberId) => ({ listId: id, memberId })) });
  }
  if (input.memberOf !== undefined) {
    const lists = await tx.recipient.findMany({ where: { id: { in: input.memberOf }, kind: 'dl' }, select: { id: true } });
    if (lists.length !== new Set(input.memberOf).size) {
      throw invalid('Every entry of memberOf must be the id of a distribution list.', { memberOf: 'Not a distribution list.' });
    }
    await tx.distributionListMember.deleteMany({ where: { memberId: id } });
    if (lists.length) await tx.distributionListMember.createMany({ data: lists.map((l) => ({ listId: l.id, memberId: id })) });
  }

  await tx.recipient.update({
    where: { id },
    data: {
      displayName: input.displayName,
      alias: input.alias,
      firstName: input.firstName,
      initials: input.initials,
      lastName: input.lastName,
      ...(input.displayName !== undefined ? { displayNameKey: lowerCaseKey(input.displayName) } : {}),
      ...(input.alias !== undefined ? { aliasKey: lowerCaseKey(input.alias) } : {}),
      ...(newTarget ? { targetAddress: `${newTarget.type}:${newTarget.address}` } : {}),
      version: { increment: 1 },
    },
    select: { id: true },
  });
  await auditRecipientChange(tx, 'recipient.update', id, before);
  return tx.recipient.findUniqueOrThrow({ where: { id }, select: recipientDetailSelect });
}
