import 'server-only';
import { formatWrittenAddress, parseWrittenAddress, proxyUniqueKey } from '@/lib/core/addresses';
import { checkProxySet, type ProxyEntry } from '@/lib/core/proxy-set';
import { lowerCaseKey } from '@/lib/core/search-keys';
import { canView } from '@/lib/server/auth/actor';
import type { Db, Tx } from '@/lib/server/db';
import { conflict, invalid, isUniqueViolation, isWriteConflict } from '@/lib/server/errors';

type Client = Tx | Db;

/** Exchange's words (Q251152), followed by who holds the address so the admin can find it. */
export const DUPLICATE_MESSAGE = 'This e-mail address already exists in this organization';

/**
 * Refuses addresses another recipient holds, naming the holder. The unique index on
 * ProxyAddress.uniqueKey is what really enforces this; this check gives the friendly message.
 */
export async function assertProxiesFree(client: Client, recipientId: number | null, proxies: Pick<ProxyEntry, 'type' | 'address'>[]) {
  if (proxies.length === 0) return;
  const keys = proxies.map((p) => proxyUniqueKey(p.type, p.address));
  for (let i = 0; i < keys.length; i += 500) {
    const taken = await client.proxyAddress.findFirst({
      where: { uniqueKey: { in: keys.slice(i, i + 500) }, ...(recipientId ? { recipientId: { not: recipientId } } : {}) },
      select: { type: true, address: true, primary: true, recipient: { select: { id: true, siteId: true, displayName: true, directoryName: true, site: { select: { name: true } } } } },
    });
    if (taken) {
      const holder = taken.recipient;
      // Issue 5: a holder in a site this administrator cannot see is not named.
      if (!(await canView(holder.siteId))) {
        throw conflict(`${DUPLICATE_MESSAGE}: ${formatWrittenAddress(taken)} belongs to a recipient in a site you cannot see.`, { address: 'Already in use.' });
      }
      throw conflict(
        `${DUPLICATE_MESSAGE}: ${formatWrittenAddress(taken)} belongs to ${holder.displayName} (directory name ${holder.directoryName}, site ${holder.site.name}).`,
        { address: `Already held by ${holder.displayName}.`, holderId: String(holder.id) },
      );
    }
  }
}

/**
 * A custom recipient's target address is its reply address of that type (createRecipient): an
 * E-mail Addresses change must keep it so. The target itself changes through targetAddress.
 */
export function assertKeepsTarget(proxies: Pick<ProxyEntry, 'type' | 'address' | 'primary'>[], targetAddress: string | null) {
  const target = targetAddress ? parseWrittenAddress(targetAddress) : null;
  if (!target) return;
  const key = proxyUniqueKey(target.type, target.address);
  if (!proxies.some((p) => p.primary && proxyUniqueKey(p.type, p.address) === key)) {
    const message = `${target.type}:${target.address} is this custom recipient's target address and stays its ${target.type} reply address; change the target address instead.`;
    throw invalid(message, { proxyAddresses: message });
  }
}

/**
 * Runs a write that may lose a race with another admin's save. When two admins save the same
 * address at the same moment, the loser's transaction fails and is rolled back whole: with P2002
 * on the unique index, or (another process on the same SQLite file) with SQLITE_BUSY when both
 * had read before writing. Running it again, after a short pause that lets the winner commit,
 * gives the loser the same message as a sequential duplicate, naming the winner.
 */
export async function retryOnWriteRace<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const busy = isWriteConflict(error);
      if (!(busy || isUniqueViolation(error)) || attempt === 5) throw error;
      if (busy) await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
    }
  }
}

/**
 * Replaces a recipient's proxy set. An entry is matched to a stored row by its id when it has
 * one, else by its normalised address, so rows (and their ids) survive unchanged entries;
 * unmatched rows are deleted first, then rows are updated and created.
 */
export async function writeProxySet(tx: Tx, recipientId: number, proxies: ProxyEntry[]) {
  const check = checkProxySet(proxies);
  if (!check.ok) throw invalid(check.message, { [`proxyAddresses.${check.index}`]: check.message });
  await assertProxiesFree(tx, recipientId, proxies);
  const existing = await tx.proxyAddress.findMany({ where: { recipientId }, select: { id: true, type: true, address: true, primary: true, uniqueKey: true } });
  const byId = new Map(existing.map((row) => [row.id, row]));
  const byKey = new Map(existing.map((row) => [row.uniqueKey, row]));
  const matched = new Set<number>();
  const plan = proxies.map((p) => {
    const key = proxyUniqueKey(p.type, p.address);
    let row = p.id !== undefined ? byId.get(p.id) : undefined;
    if (p.id !== undefined && !row) throw invalid(`Proxy address ${p.id} does not belong to this recipient.`, { proxyAddresses: 'Unknown proxy address id.' });
    if (!row) {
      const sameKey = byKey.get(key);
      if (sameKey && !matched.has(sameKey.id) && !proxies.some((q) => q.id === sameKey.id)) row = sameKey;
    }
    if (row) matched.add(row.id);
    return { p, key, row };
  });
  const removed = existing.filter((row) => !matched.has(row.id)).map((row) => row.id);
  if (removed.length) await tx.proxyAddress.deleteMany({ where: { id: { in: removed } } });
  for (const { p, key, row } of plan) {
    const data = { type: p.type, address: p.address, primary: p.primary, uniqueKey: key, addressKey: lowerCaseKey(p.address) };
    if (!row) await tx.proxyAddress.create({ data: { ...data, recipientId } });
    else if (row.address !== p.address || row.primary !== p.primary || row.type !== p.type) {
      await tx.proxyAddress.update({ where: { id: row.id }, data });
    }
  }
}
