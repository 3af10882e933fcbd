import 'server-only';
import { checkRoutingTable, domainKey, findRewriteLoops, sentToKey } from '@/lib/core/routing/routing-table';
import { ROUTE_INBOUND } from '@/lib/core/routing/types';
import { siteSmtpDomain } from '@/lib/core/site-addressing';
import { db, serializeWrites, type Tx } from '@/lib/server/db';
import { changedAttributes, recordAudit } from '@/lib/server/audit/record-audit';
import { conflict, invalid } from '@/lib/server/errors';
import { retryOnWriteRace } from '@/lib/server/recipients/proxy-addresses';
import { loadSiteAddressingRules } from '@/lib/server/site-addressing/get-site-addressing';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { InternetMailServiceInput } from '@/lib/validation/routing';
import { type InternetMailService, loadInternetMailService } from './get-internet-mail-service';

/**
 * Replaces the site's Internet Mail Service settings (PUT, and the sheet's Apply). Turning
 * rerouting on puts the site SMTP domain in the table as inbound when it is missing (Q174351:
 * `company.com <Inbound>` is already there). A table with a rewrite loop is saved only with
 * `confirmLoops`, after the warning that names the loop; the loop is returned in `warnings`.
 * With `version` (the one the sheet opened), a save over someone else's change is refused.
 */
export async function updateInternetMailService(siteName: string, input: InternetMailServiceInput): Promise<InternetMailService & { warnings: string[] }> {
  return retryOnWriteRace(() =>
    db.$transaction(async (tx) => {
      await serializeWrites(tx);
      const site = await findSiteFor('change', siteName, tx);
      await assertVersion(tx, site.id, input.version);
      const before = imsState(await loadInternetMailService(tx, site));
      const domain = siteSmtpDomain(await loadSiteAddressingRules(tx, site.id));
      let routes = input.routes;
      const problem = checkRoutingTable(routes, domain);
      if (problem) {
        throw invalid(`Routing entry ${problem.index + 1} (${routes[problem.index].sentTo}): ${problem.message}`, { [`routes.${problem.index}.${problem.field}`]: problem.message });
      }
      if (input.rerouteIncoming && domain && !routes.some((route) => sentToKey(route.sentTo) === domainKey(domain))) {
        routes = [{ sentTo: domain.toLowerCase(), routeTo: ROUTE_INBOUND }, ...routes];
      }
      const loops = findRewriteLoops(routes, domain);
      if (loops.length > 0 && !input.confirmLoops) {
        const message = `The routing table rewrites in a circle: ${loops.join('; ')}. Mail to ${loops.length === 1 ? 'these domains' : 'the domains of these loops'} would get a non-delivery report (5.4.6 routing loop). To save it anyway, confirm the warning ("confirmLoops": true).`;
        throw invalid(message, { routes: message });
      }

      let administratorId: number | null = null;
      if (input.administrator !== null) {
        const name = input.administrator;
        const found =
          (await tx.recipient.findFirst({ where: { siteId: site.id, directoryName: name }, select: { id: true } })) ??
          (await tx.recipient.findFirst({ where: { directoryName: name }, select: { id: true }, orderBy: { id: 'asc' } }));
        if (!found) {
          const message = `There is no recipient with the directory name '${name}'.`;
          throw invalid(`Administrator's mailbox: ${message}`, { administrator: message });
        }
        administratorId = found.id;
      }

      const data = { hostName: input.hostName, administratorId, rerouteIncoming: input.rerouteIncoming };
      const service = await tx.internetMailService.upsert({
        where: { siteId: site.id },
        create: { siteId: site.id, ...data },
        update: { ...data, version: { increment: 1 } },
        select: { id: true },
      });
      await tx.routingEntry.deleteMany({ where: { serviceId: service.id } });
      if (routes.length > 0) await tx.routingEntry.createMany({ data: routes.map((route) => ({ serviceId: service.id, ...route })) });
      const saved = await loadInternetMailService(tx, site);
      const diff = changedAttributes(before, imsState(saved));
      if (diff.changed) {
        await recordAudit(tx, { action: 'internet-mail-service.update', objectType: 'internet-mail-service', objectId: site.id, objectName: `Internet Mail Service (${site.name})`, siteId: site.id, before: diff.before, after: diff.after });
      }
      return { ...saved, warnings: loops };
    }),
  );
}

/** What the audit trail shows of the service. */
function imsState(service: InternetMailService): Record<string, unknown> {
  return {
    hostName: service.hostName,
    administrator: service.administrator ?? null,
    rerouteIncoming: service.rerouteIncoming,
    routes: service.routes.map((route) => `${route.sentTo} → ${route.routeTo}`),
  };
}

/** 409 when the service changed since the caller read `version` (0: it had never been saved). */
async function assertVersion(tx: Tx, siteId: number, version: number | undefined) {
  if (version === undefined) return;
  const current = (await tx.internetMailService.findUnique({ where: { siteId }, select: { version: true } }))?.version ?? 0;
  if (version !== current) {
    throw conflict('This Internet Mail Service was changed by someone else after you opened it. Reload it to see the changes.', { version: String(current) });
  }
}
