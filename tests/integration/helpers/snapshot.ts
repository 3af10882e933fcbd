// The whole directory as plain data, to show that a refused request changed nothing.
import { db } from '@/lib/server/db';

export async function directorySnapshot() {
  const [recipients, proxies, members, rules, sites, services, routes, connectors, postoffices] = await Promise.all([
    db.recipient.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, siteId: true, kind: true, directoryName: true, alias: true, displayName: true, firstName: true, initials: true, lastName: true, targetAddress: true, version: true },
    }),
    db.proxyAddress.findMany({ orderBy: { id: 'asc' }, select: { id: true, recipientId: true, type: true, address: true, primary: true, uniqueKey: true } }),
    db.distributionListMember.findMany({ orderBy: [{ listId: 'asc' }, { memberId: 'asc' }] }),
    db.siteAddressingRule.findMany({ orderBy: { id: 'asc' }, select: { id: true, siteId: true, type: true, rule: true, enabled: true } }),
    db.site.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } }),
    db.internetMailService.findMany({ orderBy: { id: 'asc' } }),
    db.routingEntry.findMany({ orderBy: { id: 'asc' } }),
    db.msMailConnector.findMany({ orderBy: { id: 'asc' } }),
    db.msMailPostoffice.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return {
    counts: { recipients: recipients.length, proxies: proxies.length, members: members.length, rules: rules.length, sites: sites.length },
    recipients,
    proxies,
    members,
    rules,
    sites,
    services,
    routes,
    connectors,
    postoffices,
  };
}

/** How many rows hold this proxy address (its normalised unique key). */
export async function holdersOf(uniqueKey: string) {
  return db.proxyAddress.findMany({ where: { uniqueKey }, select: { recipientId: true, address: true, primary: true } });
}
