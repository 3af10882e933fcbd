import 'server-only';
import { checkAddress, proxyUniqueKey } from '@/lib/core/addresses';
import type { ProxyEntry } from '@/lib/core/proxy-set';
import { type NameFields, type SiteAddressingRule, generateAddress, numberedAlternative } from '@/lib/core/site-addressing';
import type { Tx } from '@/lib/server/db';

/**
 * One address of each enabled type, from Site Addressing, made unique in the organisation the
 * way Exchange did: bob@adatum.com is taken → bob2@adatum.com. `reserved` holds keys already
 * claimed by this batch (several recipients created in one transaction).
 */
export async function generateProxyAddresses(
  tx: Tx,
  rules: SiteAddressingRule[],
  person: NameFields,
  { skipTypes = [], reserved = new Set<string>(), ownerId }: { skipTypes?: string[]; reserved?: Set<string>; ownerId?: number } = {},
): Promise<ProxyEntry[]> {
  const generated: ProxyEntry[] = [];
  for (const rule of rules) {
    if (!rule.enabled || skipTypes.includes(rule.type)) continue;
    const base = generateAddress(rule.type, rule.rule, person);
    if (!base || !checkAddress(rule.type, base).ok) continue;
    let candidate = base;
    for (let n = 2; ; n++) {
      const key = proxyUniqueKey(rule.type, candidate);
      const holder = reserved.has(key)
        ? { recipientId: -1 }
        : await tx.proxyAddress.findUnique({ where: { uniqueKey: key }, select: { recipientId: true } });
      if (!holder || holder.recipientId === ownerId) {
        reserved.add(key);
        break;
      }
      candidate = numberedAlternative(rule.type, base, n);
    }
    generated.push({ type: rule.type, address: candidate, primary: true });
  }
  return generated;
}
