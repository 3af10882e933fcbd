import 'server-only';
import { db } from '@/lib/server/db';
import { retryOnWriteRace } from '@/lib/server/recipients/proxy-addresses';
import { findSite } from '@/lib/server/sites/find-site';
import { postofficeKey } from '@/lib/core/routing/resolve';
import type { MsMailConnectorInput } from '@/lib/validation/routing';
import { type MsMailConnector, loadMsMailConnector } from './get-msmail-connector';

/** Replaces the site's MS Mail Connector: its own postoffice and the postoffices it knows. */
export async function updateMsMailConnector(siteName: string, input: MsMailConnectorInput): Promise<MsMailConnector> {
  const [network, postoffice] = input.postoffice.split('/');
  return retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      const site = await findSite(siteName, tx);
      const connector = await tx.msMailConnector.upsert({
        where: { siteId: site.id },
        create: { siteId: site.id, network, postoffice },
        update: { network, postoffice, version: { increment: 1 } },
        select: { id: true },
      });
      await tx.msMailPostoffice.deleteMany({ where: { connectorId: connector.id } });
      if (input.postoffices.length > 0) {
        await tx.msMailPostoffice.createMany({
          data: input.postoffices.map((po) => ({ connectorId: connector.id, ...po, key: postofficeKey(po.network, po.postoffice) })),
        });
      }
      return loadMsMailConnector(tx, site);
    }),
  );
}
