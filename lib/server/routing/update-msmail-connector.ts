import 'server-only';
import { changedAttributes, recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites, type Tx } from '@/lib/server/db';
import { conflict } from '@/lib/server/errors';
import { retryOnWriteRace } from '@/lib/server/recipients/proxy-addresses';
import { findSiteFor } from '@/lib/server/sites/find-site';
import { postofficeKey } from '@/lib/core/routing/resolve';
import type { MsMailConnectorInput } from '@/lib/validation/routing';
import { type MsMailConnector, loadMsMailConnector } from './get-msmail-connector';

/**
 * Replaces the site's MS Mail Connector: its own postoffice and the postoffices it knows. With
 * `version` (the one the sheet opened), a save over someone else's change is refused.
 */
export async function updateMsMailConnector(siteName: string, input: MsMailConnectorInput): Promise<MsMailConnector> {
  const [network, postoffice] = input.postoffice.split('/');
  return retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      await serializeWrites(tx);
      const site = await findSiteFor('change', siteName, tx);
      await assertVersion(tx, site.id, input.version);
      const before = connectorState(await loadMsMailConnector(tx, site));
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
      const saved = await loadMsMailConnector(tx, site);
      const diff = changedAttributes(before, connectorState(saved));
      if (diff.changed) {
        await recordAudit(tx, { action: 'msmail-connector.update', objectType: 'msmail-connector', objectId: site.id, objectName: `MS Mail Connector (${site.name})`, siteId: site.id, before: diff.before, after: diff.after });
      }
      return saved;
    }),
  );
}

/** What the audit trail shows of the connector. */
function connectorState(connector: MsMailConnector): Record<string, unknown> {
  return {
    postoffice: connector.postoffice,
    postoffices: connector.postoffices.map((po) => `${po.network}/${po.postoffice} (${po.connection})`),
  };
}

/** 409 when the connector changed since the caller read `version` (0: it had never been saved). */
async function assertVersion(tx: Tx, siteId: number, version: number | undefined) {
  if (version === undefined) return;
  const current = (await tx.msMailConnector.findUnique({ where: { siteId }, select: { version: true } }))?.version ?? 0;
  if (version !== current) {
    throw conflict('This MS Mail Connector was changed by someone else after you opened it. Reload it to see the changes.', { version: String(current) });
  }
}
