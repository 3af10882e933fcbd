import 'server-only';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { type ProxyEdit, type ProxyEntry, sortProxies } from '@/lib/core/proxy-set';
import { db, serializeWrites } from '@/lib/server/db';
import { invalid, notFound } from '@/lib/server/errors';
import { assertKeepsTarget, retryOnWriteRace, writeProxySet } from './proxy-addresses';
import { auditRecipientChange, recipientState, requireRecipientAccess } from './recipient-access';
import { type ProxyAddressDto, proxySelect } from './select';

/**
 * Loads a recipient's proxy addresses, applies one E-mail Addresses rule (lib/core/proxy-set) and
 * saves the result; `pick` chooses the address to return (e.g. the one just added).
 */
export async function changeProxySet(
  recipientId: number,
  edit: (proxies: ProxyEntry[]) => ProxyEdit,
  pick: (saved: ProxyAddressDto[], edited: ProxyEntry[]) => ProxyAddressDto | undefined,
): Promise<{ proxy: ProxyAddressDto | null; proxyAddresses: ProxyAddressDto[] }> {
  return retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      await serializeWrites(tx);
      await requireRecipientAccess(tx, recipientId, 'change');
      const before = (await recipientState(tx, recipientId))!.state;
      const recipient = await tx.recipient.findUnique({
        where: { id: recipientId },
        select: { targetAddress: true, proxyAddresses: { select: { id: true, type: true, address: true, primary: true }, orderBy: { id: 'asc' } } },
      });
      if (!recipient) throw notFound(`There is no recipient with id ${recipientId}.`);
      const result = edit(recipient.proxyAddresses);
      if (!result.ok) throw invalid(result.message, { [result.field]: result.message });
      assertKeepsTarget(result.proxies, recipient.targetAddress);
      await writeProxySet(tx, recipientId, result.proxies);
      await tx.recipient.update({ where: { id: recipientId }, data: { version: { increment: 1 } }, select: { id: true } });
      await auditRecipientChange(tx, 'recipient.update', recipientId, before);
      const saved = sortProxies(await tx.proxyAddress.findMany({ where: { recipientId }, select: proxySelect }));
      return { proxy: pick(saved, result.proxies) ?? null, proxyAddresses: saved };
    }),
  );
}

export const sameAddress = (a: { type: string; address: string }, b: { type: string; address: string }) =>
  proxyUniqueKey(a.type, a.address) === proxyUniqueKey(b.type, b.address);

export function indexOfProxy(proxies: ProxyEntry[], proxyId: number): number {
  const index = proxies.findIndex((p) => p.id === proxyId);
  if (index < 0) throw notFound(`This recipient has no proxy address with id ${proxyId}.`);
  return index;
}
