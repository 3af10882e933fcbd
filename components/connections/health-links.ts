// Where each routing object is fixed: the link a Routing Health problem offers.
import { routingObjectPath } from './routing-object-path';
import type { KbArticle, RoutingObject } from '@/lib/core/routing/types';

const TAB_LABELS = { general: 'General', 'internet-mail': 'Internet Mail', routing: 'Routing' } as const;

/** The page that fixes the object, and the words of the link. `names` gives recipients' display names. */
export function objectLink(site: string, object: RoutingObject, names: ReadonlyMap<number, string>): { href: string; text: string } {
  const href = routingObjectPath(site, object, 'email-addresses');
  switch (object.kind) {
    case 'routing-entry':
      return { href, text: object.implicit ? 'Open Site Addressing' : `Open the routing entry ${object.sentTo}` };
    case 'internet-mail-service':
      return { href, text: `Open the ${TAB_LABELS[object.tab]} tab` };
    case 'proxy-address':
    case 'recipient':
      return { href, text: `Open the E-mail Addresses of ${names.get(object.recipientId) ?? `recipient ${object.recipientId}`}` };
    case 'postoffice':
      return { href, text: `Open ${object.network}/${object.postoffice} on the MS Mail Connector` };
    case 'msmail-connector':
      return { href, text: 'Open the MS Mail Connector' };
    case 'site-addressing':
      return { href, text: 'Open Site Addressing' };
  }
}

/** The titles of the Knowledge Base articles xadm follows (shared/seeds); others show their number alone. */
export const KB_TITLES: Partial<Record<KbArticle, string>> = {
  Q156545: 'XFOR: How to Set Up a 2nd MS-type Proxy Address for MSMail Users',
  Q174351: 'XFOR: How to Configure Exchange with Secondary SMTP Addresses',
  Q307628: 'XFOR: Routing to Multiple Domains with a Single SMTP Proxy Addr',
  Q242387: 'XFOR: Postmaster Addresses When Hosting Multiple Domains',
  Q263199: 'XIMS: Receiving Internet Mail as user@department.company.com',
};
