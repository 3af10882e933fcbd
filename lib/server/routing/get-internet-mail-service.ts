import 'server-only';
import type { RouteEntry } from '@/lib/core/routing/types';
import { siteSmtpDomain } from '@/lib/core/site-addressing';
import { db, type Tx } from '@/lib/server/db';
import { loadSiteAddressingRules } from '@/lib/server/site-addressing/get-site-addressing';
import { findSiteFor, type SiteRef } from '@/lib/server/sites/find-site';
import { defaultInternetMailService } from './site-routing-defaults';

export type InternetMailService = {
  site: string;
  /** From Site Addressing; always inbound, shown in the table when rerouting is on. */
  siteSmtpDomain: string | null;
  hostName: string;
  /** The administrator's mailbox by directory name (the API's form). */
  administrator: string | null;
  administratorMailbox: { id: number; directoryName: string; displayName: string } | null;
  rerouteIncoming: boolean;
  routes: RouteEntry[];
  version: number;
};

export async function loadInternetMailService(client: Tx | typeof db, site: SiteRef): Promise<InternetMailService> {
  const [rules, row] = await Promise.all([
    loadSiteAddressingRules(client, site.id),
    client.internetMailService.findUnique({
      where: { siteId: site.id },
      select: {
        hostName: true,
        rerouteIncoming: true,
        version: true,
        administrator: { select: { id: true, directoryName: true, displayName: true } },
        routes: { select: { sentTo: true, routeTo: true }, orderBy: { id: 'asc' } },
      },
    }),
  ]);
  const defaults = defaultInternetMailService(rules, site.name);
  return {
    site: site.name,
    siteSmtpDomain: siteSmtpDomain(rules),
    hostName: row?.hostName ?? defaults.hostName,
    administrator: row?.administrator?.directoryName ?? null,
    administratorMailbox: row?.administrator ?? null,
    rerouteIncoming: row?.rerouteIncoming ?? defaults.rerouteIncoming,
    routes: row?.routes ?? defaults.routes,
    version: row?.version ?? defaults.version,
  };
}

/** The Internet Mail Service of a site (General, Internet Mail and Routing tabs). */
export async function getInternetMailService(siteName?: string): Promise<InternetMailService> {
  return loadInternetMailService(db, await findSiteFor('view', siteName));
}
