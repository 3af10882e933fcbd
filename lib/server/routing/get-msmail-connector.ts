import 'server-only';
import type { PostofficeDefinition } from '@/lib/core/routing/types';
import { db, type Tx } from '@/lib/server/db';
import { loadSiteAddressingRules } from '@/lib/server/site-addressing/get-site-addressing';
import { findSiteFor, type SiteRef } from '@/lib/server/sites/find-site';
import { defaultMsMailConnector } from './site-routing-defaults';

export type MsMailConnector = {
  site: string;
  /** The connector's own postoffice, NETWORK/POSTOFFICE (Local Postoffice page). */
  postoffice: string;
  postoffices: PostofficeDefinition[];
  version: number;
};

export async function loadMsMailConnector(client: Tx | typeof db, site: SiteRef): Promise<MsMailConnector> {
  const row = await client.msMailConnector.findUnique({
    where: { siteId: site.id },
    select: {
      network: true,
      postoffice: true,
      version: true,
      postoffices: { select: { network: true, postoffice: true, connection: true }, orderBy: { key: 'asc' } },
    },
  });
  const connector = row ?? defaultMsMailConnector(await loadSiteAddressingRules(client, site.id), site.organization, site.name);
  return {
    site: site.name,
    postoffice: `${connector.network}/${connector.postoffice}`,
    postoffices: connector.postoffices.map((po) => ({ ...po, connection: po.connection === 'indirect' ? 'indirect' : 'direct' })),
    version: connector.version,
  };
}

/** The MS Mail Connector of a site (Local Postoffice and Connections pages). */
export async function getMsMailConnector(siteName?: string): Promise<MsMailConnector> {
  return loadMsMailConnector(db, await findSiteFor('view', siteName));
}
