// Routing health: the problems the Knowledge Base articles warn about, found in today's
// configuration. Every finding is judged by the resolver itself (resolveAddress / routeDomain),
// so health and preview can never disagree.
import { splitSmtp } from '../addresses';
import { findRewriteLoops, domainKey, routeDomain } from './routing-table';
import { postofficeKey, resolveAddress, type CompiledRouting } from './resolve';
import type { Directory, KbArticle, RoutingObject } from './types';

export type HealthProblemCode =
  | 'no-administrator'
  | 'address-not-accepted'
  | 'address-rewritten'
  | 'postmaster-missing'
  | 'reroute-not-inbound'
  | 'rewrite-loop'
  | 'indirect-postoffice-unused';

export type HealthProblem = {
  code: HealthProblemCode;
  severity: 'error' | 'warning';
  message: string;
  article?: KbArticle;
  /** The object to open to fix it. */
  object: RoutingObject;
  /** For address problems: how many addresses, and a few of their holders. */
  count?: number;
  examples?: { recipientId: number; displayName: string; address: string }[];
};

const EXAMPLES = 3;

export function checkRoutingHealth(routing: CompiledRouting, directory: Directory): HealthProblem[] {
  const problems: HealthProblem[] = [];
  const { config } = routing;
  const ims = config.internetMailService;

  const adminId = ims.administratorId;
  if (adminId === null || !directory.recipients.has(adminId)) {
    problems.push({
      code: 'no-administrator',
      severity: 'error',
      message: "The Internet Mail Service has no administrator's mailbox: mail to postmaster of the site SMTP domain gets a non-delivery report, and nobody receives the service's error notifications.",
      article: 'Q242387',
      object: { kind: 'internet-mail-service', tab: 'internet-mail' },
    });
  }

  if (ims.rerouteIncoming) {
    for (const loop of findRewriteLoops(ims.routes, config.siteSmtpDomain)) {
      const first = loop.split(' → ')[0];
      problems.push({
        code: 'rewrite-loop',
        severity: 'error',
        message: `The routing table rewrites in a circle: ${loop}. Mail to these domains gets a non-delivery report (5.4.6 routing loop).`,
        article: 'Q307628',
        object: routingEntryObject(routing, first),
      });
    }
    for (const entry of routing.table.entries) {
      if (entry.routeTo === 'inbound') continue;
      const route = routeDomain(routing.table, entry.routeTo);
      if (route.kind === 'unmatched') {
        problems.push({
          code: 'reroute-not-inbound',
          severity: 'error',
          message: `${entry.sentTo} is rerouted to ${entry.routeTo}, which the routing table does not accept as inbound${route.domain !== entry.routeTo ? ` (it ends at ${route.domain})` : ''}: mail from the Internet to ${entry.sentTo} is refused as relaying.`,
          article: 'Q307628',
          object: { kind: 'routing-entry', sentTo: entry.sentTo, routeTo: entry.routeTo, implicit: false },
        });
      }
    }
  }

  // Addresses by domain: one resolver call per domain answers for all its addresses.
  const byDomain = new Map<string, { domain: string; count: number; examples: NonNullable<HealthProblem['examples']> }>();
  const msPostoffices = new Set<string>();
  for (const recipient of directory.recipients.values()) {
    for (const proxy of recipient.proxies) {
      const type = proxy.type.toUpperCase();
      if (type === 'MS') {
        const [network, postoffice] = proxy.address.split('/');
        if (postoffice !== undefined) msPostoffices.add(postofficeKey(network, postoffice));
        continue;
      }
      if (type !== 'SMTP' || proxy.primary) continue;
      const parts = splitSmtp(proxy.address);
      if (!parts) continue;
      const key = domainKey(parts.domain);
      let group = byDomain.get(key);
      if (!group) byDomain.set(key, (group = { domain: parts.domain.toLowerCase(), count: 0, examples: [] }));
      group.count++;
      if (group.examples.length < EXAMPLES) group.examples.push({ recipientId: recipient.id, displayName: recipient.displayName, address: proxy.address });
    }
  }

  if (ims.rerouteIncoming) {
    for (const [key, group] of [...byDomain].sort(([a], [b]) => a.localeCompare(b))) {
      const route = routeDomain(routing.table, key);
      if (route.kind === 'inbound' && route.rewrites.length > 0) {
        // The rewrite happens before the directory lookup, so these addresses are never matched.
        const entry = route.rewrites[0];
        problems.push({
          code: 'address-rewritten',
          severity: 'warning',
          message: `${group.count} secondary SMTP address${group.count === 1 ? ' is' : 'es are'} in ${group.domain}, which the routing entry ${entry.sentTo} → ${entry.routeTo} rewrites before the directory is searched: mail to ${group.count === 1 ? 'it' : 'them'} goes to the rewritten address instead. Remove the entry (and accept ${group.domain} as inbound) or the address${group.count === 1 ? '' : 'es'}.`,
          article: 'Q307628',
          object: { kind: 'routing-entry', sentTo: entry.sentTo, routeTo: entry.routeTo, implicit: entry.implicit },
          count: group.count,
          examples: group.examples,
        });
        continue;
      }
      if (route.kind !== 'unmatched') continue;
      problems.push({
        code: 'address-not-accepted',
        severity: 'error',
        message: `${group.count} secondary SMTP address${group.count === 1 ? ' is' : 'es are'} in ${group.domain}, which the routing table does not accept: mail to ${group.count === 1 ? 'it' : 'them'} from the Internet is refused. Add ${group.domain} to the routing table as inbound.`,
        article: 'Q174351',
        object: { kind: 'internet-mail-service', tab: 'routing' },
        count: group.count,
        examples: group.examples,
      });
    }
  }

  // Hosted domains: the inbound entries of the table (with rerouting on), and the domains of the
  // secondary addresses (with it off, the IMS takes mail for any of them).
  const hosted = new Map<string, string>();
  if (ims.rerouteIncoming) {
    for (const entry of routing.table.entries) if (entry.routeTo === 'inbound' && !entry.implicit) hosted.set(entry.domain, entry.sentTo.replace(/^#/, ''));
  } else {
    for (const [key, group] of byDomain) hosted.set(key, group.domain);
  }
  for (const [key, domain] of [...hosted].sort(([a], [b]) => a.localeCompare(b))) {
    if (key === routing.siteDomain) continue;
    const outcome = resolveAddress(routing, directory, { address: `postmaster@${domain}`, origin: 'internet' });
    if (!outcome.ok || outcome.result.verdict !== 'ndr') continue;
    problems.push({
      code: 'postmaster-missing',
      severity: 'warning',
      message: `No recipient holds postmaster@${domain}: only postmaster of the site SMTP domain goes to the administrator's mailbox, so mail to postmaster@${domain} gets a non-delivery report. Add it as a secondary address of whoever should receive it.`,
      article: 'Q242387',
      object: ims.administratorId !== null && directory.recipients.has(ims.administratorId)
        ? { kind: 'recipient', recipientId: ims.administratorId }
        : { kind: 'internet-mail-service', tab: 'internet-mail' },
    });
  }

  for (const po of config.msMailConnector.postoffices) {
    if (po.connection !== 'indirect') continue;
    if (msPostoffices.has(postofficeKey(po.network, po.postoffice))) continue;
    problems.push({
      code: 'indirect-postoffice-unused',
      severity: 'warning',
      message: `${po.network}/${po.postoffice} is defined indirect via the connector postoffice, but no recipient has an MS address on it: MS Mail users' mail to it gets a non-delivery report. Give the recipient a secondary MS address ${po.network}/${po.postoffice}/<mailbox>, or remove the definition.`,
      article: 'Q156545',
      object: { kind: 'postoffice', ...po },
    });
  }

  return problems;
}

function routingEntryObject(routing: CompiledRouting, sentTo: string): RoutingObject {
  const entry = routing.table.entries.find((e) => e.sentTo === sentTo);
  return entry ? { kind: 'routing-entry', sentTo: entry.sentTo, routeTo: entry.routeTo, implicit: entry.implicit } : { kind: 'internet-mail-service', tab: 'routing' };
}
