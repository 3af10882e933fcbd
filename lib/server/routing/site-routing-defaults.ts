import 'server-only';
import { siteSmtpDomain } from '@/lib/core/site-addressing';

type Rule = { type: string; rule: string };

/**
 * What a site's Internet Mail Service and MS Mail Connector hold before anyone has saved them:
 * the IMS host `mail.<site SMTP domain>`, no administrator's mailbox, no rerouting; the connector
 * postoffice from Site Addressing's MS rule (`ADATUM/REDMOND`), knowing no other postoffice.
 */
export function defaultInternetMailService(rules: Rule[], site: string) {
  const domain = siteSmtpDomain(rules);
  return { hostName: domain ? `mail.${domain}`.toLowerCase() : `${site.toLowerCase()}.invalid`, administratorId: null, rerouteIncoming: false, routes: [], version: 0 };
}

export function defaultMsMailConnector(rules: Rule[], organization: string, site: string) {
  const ms = rules.find((r) => r.type === 'MS')?.rule.split('/');
  const part = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
  const [network, postoffice] = ms && ms.length >= 2 ? [part(ms[0]), part(ms[1])] : [part(organization), part(site)];
  return { network: network || 'NETWORK', postoffice: postoffice || 'PO', postoffices: [], version: 0 };
}
