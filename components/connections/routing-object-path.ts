// Where a routing configuration object is opened: the one mapping behind the Routing Preview's
// step links and Routing Health's "fix it here" links.
import { recipientSheetPath, type RecipientTab } from '@/components/recipients/paths';
import { paths } from '@/components/shell/paths';
import type { RoutingObject } from '@/lib/core/routing/types';

/**
 * The page of a routing object. A recipient opens on `recipientTab` (its General tab for "delivered
 * to", its E-mail Addresses for "add an address here"); a proxy address always on E-mail Addresses.
 * The implicit site-domain entry is Site Addressing's SMTP rule. Recipients open in `site`: the
 * resolver's recipients carry no site of their own.
 */
export function routingObjectPath(site: string, object: RoutingObject, recipientTab: RecipientTab = 'general'): string {
  switch (object.kind) {
    case 'routing-entry':
      return object.implicit ? paths.siteAddressing(site) : paths.internetMailService(site, 'routing', object.sentTo);
    case 'internet-mail-service':
      return paths.internetMailService(site, object.tab);
    case 'proxy-address':
      return recipientSheetPath(site, object.recipientId, 'email-addresses');
    case 'recipient':
      return recipientSheetPath(site, object.recipientId, recipientTab);
    case 'postoffice':
      return paths.msMailConnector(site, 'connections', `${object.network}/${object.postoffice}`);
    case 'msmail-connector':
      return paths.msMailConnector(site, 'local-postoffice');
    case 'site-addressing':
      return paths.siteAddressing(site);
  }
}
