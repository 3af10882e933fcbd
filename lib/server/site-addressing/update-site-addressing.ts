import 'server-only';
import { parseWrittenAddress, proxyUniqueKey } from '@/lib/core/addresses';
import type { ProxyEntry } from '@/lib/core/proxy-set';
import type { SiteAddressingRule } from '@/lib/core/site-addressing';
import { changedAttributes, recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites, type Tx } from '@/lib/server/db';
import { generateProxyAddresses } from '@/lib/server/recipients/generate-proxy-addresses';
import { retryOnWriteRace, writeProxySet } from '@/lib/server/recipients/proxy-addresses';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { SiteAddressingInput } from '@/lib/validation/site-addressing';
import { type SiteAddressing, getSiteAddressing, loadSiteAddressingRules } from './get-site-addressing';

/**
 * Saves the site's generation rules. Exchange then asks whether to update the addresses of
 * existing recipients; with `updateExisting`, every recipient of the site gets a new reply address
 * of each changed (or newly enabled) type. The previous reply address is kept as a secondary
 * address, so mail already addressed to it still arrives (the admin can remove it on the E-mail
 * Addresses tab). A custom recipient's target address stays its reply address.
 */
export async function updateSiteAddressing(siteName: string, input: SiteAddressingInput): Promise<SiteAddressing & { updatedRecipients: number }> {
  const site = await findSiteFor('change', siteName);
  // A recipient saved meanwhile by another admin may take an address being generated: run it again.
  const updatedRecipients = await retryOnWriteRace(() =>
    db.$transaction(
      async (tx) => {
        await serializeWrites(tx);
        const before = await loadSiteAddressingRules(tx, site.id);
        for (const rule of input.rules) {
          await tx.siteAddressingRule.upsert({
            where: { siteId_type: { siteId: site.id, type: rule.type } },
            create: { siteId: site.id, ...rule },
            update: { rule: rule.rule, enabled: rule.enabled },
          });
        }
        const after = await loadSiteAddressingRules(tx, site.id);
        const diff = changedAttributes(rulesState(before), rulesState(after));
        if (diff.changed || input.updateExisting) {
          await recordAudit(tx, {
            action: 'site-addressing.update',
            objectType: 'site-addressing',
            objectId: site.id,
            objectName: `Site Addressing (${site.name})`,
            siteId: site.id,
            before: diff.before,
            after: { ...diff.after, ...(input.updateExisting ? { updateExisting: true } : {}) },
          });
        }
        if (!input.updateExisting) return 0;
        const changed = (input.rules as SiteAddressingRule[]).filter((rule) => {
          const old = before.find((b) => b.type === rule.type);
          return rule.enabled && (!old || old.rule !== rule.rule || !old.enabled);
        });
        return changed.length ? regenerate(tx, site.id, changed) : 0;
      },
      { timeout: 600_000 },
    ),
  );
  return { ...(await getSiteAddressing(site.name)), updatedRecipients };
}

/** What the audit trail shows of the rules: one attribute per address type. */
function rulesState(rules: SiteAddressingRule[]): Record<string, unknown> {
  return Object.fromEntries(rules.map((r) => [r.type, `${r.rule}${r.enabled ? '' : ' (off)'}`]));
}

async function regenerate(tx: Tx, siteId: number, rules: SiteAddressingRule[]): Promise<number> {
  let updated = 0;
  let cursor = 0;
  for (;;) {
    const batch = await tx.recipient.findMany({
      where: { siteId, id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: 500,
      select: {
        id: true, alias: true, displayName: true, firstName: true, lastName: true, initials: true, targetAddress: true,
        proxyAddresses: { select: { id: true, type: true, address: true, primary: true } },
      },
    });
    if (batch.length === 0) return updated;
    cursor = batch[batch.length - 1].id;
    for (const recipient of batch) {
      const targetType = recipient.targetAddress ? parseWrittenAddress(recipient.targetAddress)?.type : undefined;
      const generated = await generateProxyAddresses(tx, rules, recipient, {
        skipTypes: targetType ? [targetType] : [],
        ownerId: recipient.id,
      });
      let proxies: ProxyEntry[] = recipient.proxyAddresses;
      let changed = false;
      for (const fresh of generated) {
        const key = proxyUniqueKey(fresh.type, fresh.address);
        const currentPrimary = proxies.find((p) => p.type === fresh.type && p.primary);
        if (currentPrimary && proxyUniqueKey(currentPrimary.type, currentPrimary.address) === key) continue;
        const held = proxies.some((p) => proxyUniqueKey(p.type, p.address) === key);
        proxies = proxies.map((p) => (p.type === fresh.type ? { ...p, primary: proxyUniqueKey(p.type, p.address) === key } : p));
        if (!held) proxies.push({ type: fresh.type, address: fresh.address, primary: true });
        changed = true;
      }
      if (changed) {
        await writeProxySet(tx, recipient.id, proxies);
        await tx.recipient.update({ where: { id: recipient.id }, data: { version: { increment: 1 } }, select: { id: true } });
        updated++;
      }
    }
  }
}
