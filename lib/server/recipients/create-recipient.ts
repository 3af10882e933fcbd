import 'server-only';
import { parseWrittenAddress } from '@/lib/core/addresses';
import type { ProxyEntry } from '@/lib/core/proxy-set';
import { recipientKeys } from '@/lib/core/search-keys';
import { requirePermission } from '@/lib/server/auth/actor';
import { db, serializeWrites } from '@/lib/server/db';
import { conflict } from '@/lib/server/errors';
import { loadSiteAddressingRules } from '@/lib/server/site-addressing/get-site-addressing';
import { findSite } from '@/lib/server/sites/find-site';
import type { CreateRecipientInput } from '@/lib/validation/recipient';
import { generateProxyAddresses } from './generate-proxy-addresses';
import { assertProxiesFree, retryOnWriteRace, writeProxySet } from './proxy-addresses';
import { auditRecipientChange } from './recipient-access';
import { resolveMembers } from './resolve-members';
import { type RecipientDetail, recipientDetailSelect, toRecipientDetail } from './select';

/**
 * Creates a mailbox, custom recipient or distribution list with one reply address of each type
 * Site Addressing enables. A custom recipient's target address is its reply address of that type
 * (replies go straight to the outside address, as in Exchange); the generated address of that type
 * is kept as a secondary address so mail to alias@site-domain still reaches it.
 */
export async function createRecipient(input: CreateRecipientInput): Promise<RecipientDetail> {
  const site = await findSite(input.site);
  await requirePermission('change', site.id, site.name);
  const directoryName = input.directoryName ?? input.alias;
  const target = input.targetAddress ? parseWrittenAddress(input.targetAddress) : null;
  const person = {
    alias: input.alias,
    displayName: input.displayName,
    firstName: input.firstName ?? '',
    initials: input.initials ?? '',
    lastName: input.lastName ?? '',
  };

  const write = () =>
    db.$transaction(async (tx) => {
      await serializeWrites(tx);
      const existing = await tx.recipient.findUnique({
        where: { siteId_directoryName: { siteId: site.id, directoryName } },
        select: { displayName: true },
      });
      if (existing) {
        throw conflict(`The directory name '${directoryName}' is already used in site ${site.name} by ${existing.displayName}.`, {
          directoryName: 'Already in use in this site.',
        });
      }
      const rules = await loadSiteAddressingRules(tx, site.id);
      let proxies: ProxyEntry[] = await generateProxyAddresses(tx, rules, person);
      if (target) {
        proxies = proxies.map((p) => (p.type === target.type ? { ...p, primary: false } : p));
        proxies.push({ type: target.type, address: target.address, primary: true });
      }
      await assertProxiesFree(tx, null, proxies);
      const memberIds = input.kind === 'dl' && input.members?.length ? await resolveMembers(tx, site.id, input.members) : [];
      const created = await tx.recipient.create({
        data: {
          siteId: site.id,
          kind: input.kind,
          directoryName,
          ...person,
          ...recipientKeys(person),
          targetAddress: target ? `${target.type}:${target.address}` : null,
        },
        select: { id: true },
      });
      await writeProxySet(tx, created.id, proxies);
      if (memberIds.length) {
        await tx.distributionListMember.createMany({ data: memberIds.map((memberId) => ({ listId: created.id, memberId })) });
      }
      await auditRecipientChange(tx, 'recipient.create', created.id, null);
      return tx.recipient.findUniqueOrThrow({ where: { id: created.id }, select: recipientDetailSelect });
    });

  // On a race with another admin's save the next attempt generates the next free address
  // (bob2@…) or refuses with the message that names the holder.
  return toRecipientDetail(await retryOnWriteRace(write));
}
