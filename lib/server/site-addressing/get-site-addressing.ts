import 'server-only';
import { isKnownAddressType } from '@/lib/core/addresses';
import { type SiteAddressingRule, siteSmtpDomain } from '@/lib/core/site-addressing';
import { db, type Tx } from '@/lib/server/db';
import { findSiteFor } from '@/lib/server/sites/find-site';

export type SiteAddressing = { site: string; smtpDomain: string | null; rules: SiteAddressingRule[] };

const ORDER = ['SMTP', 'MS', 'X400', 'CCMAIL'];

export async function loadSiteAddressingRules(client: Tx | typeof db, siteId: number): Promise<SiteAddressingRule[]> {
  const rows = await client.siteAddressingRule.findMany({ where: { siteId }, select: { type: true, rule: true, enabled: true } });
  return rows
    .filter((r): r is SiteAddressingRule => isKnownAddressType(r.type))
    .sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
}

export async function getSiteAddressing(siteName?: string): Promise<SiteAddressing> {
  const site = await findSiteFor('view', siteName);
  const rules = await loadSiteAddressingRules(db, site.id);
  return { site: site.name, smtpDomain: siteSmtpDomain(rules), rules };
}
