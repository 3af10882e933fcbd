// The routing resolver: where does mail to this address land? It follows ../shared/ROUTING.md,
// which draws its rules from KB Q156545, Q174351, Q307628, Q242387 and Q263199. Pure code over
// plain data: the preview page, the API and anything that routes real mail later call this one
// function; there is no second implementation of any rule.
import { normalizeAddressType, parseWrittenAddress, readAddress, sameProxyAddress, type SmtpAddress } from '../addresses';
import { findProxyHolders, findReplyProxy, findSmtpHolders, replyProxyOf } from './directory';
import { compileRoutingTable, domainKey, matchDomain, type CompiledEntry, type CompiledTable } from './routing-table';
import {
  ORIGIN_LABELS,
  ORIGINS,
  ROUTE_INBOUND,
  type Directory,
  type DirectoryRecipient,
  type Ndr,
  type Origin,
  type PostofficeDefinition,
  type ProxyHolder,
  type RoutedMember,
  type RoutedRecipient,
  type RoutingConfig,
  type RoutingObject,
  type RoutingOutcome,
  type RoutingResult,
  type RoutingStep,
  type Verdict,
} from './types';

/** The configuration prepared once for many lookups (the tables become maps). */
export type CompiledRouting = {
  config: RoutingConfig;
  /** The Routing tab's table as it applies: the entries plus the site domain (always inbound). */
  table: CompiledTable;
  /** With rerouting off only the site SMTP domain is this site's own (for the `exchange` origin). */
  siteTable: CompiledTable;
  siteDomain: string | null;
  ownPostoffice: string;
  postoffices: ReadonlyMap<string, PostofficeDefinition>;
  /** The server name in Exchange's NDR diagnostic line (the IMS host's first label). */
  server: string;
};

export function compileRouting(config: RoutingConfig): CompiledRouting {
  const ims = config.internetMailService;
  const connector = config.msMailConnector;
  const postoffices = new Map<string, PostofficeDefinition>();
  for (const po of connector.postoffices) postoffices.set(postofficeKey(po.network, po.postoffice), po);
  return {
    config,
    table: compileRoutingTable(ims.rerouteIncoming ? ims.routes : [], config.siteSmtpDomain),
    siteTable: compileRoutingTable([], config.siteSmtpDomain),
    siteDomain: config.siteSmtpDomain ? domainKey(config.siteSmtpDomain) : null,
    ownPostoffice: postofficeKey(connector.network, connector.postoffice),
    postoffices,
    server: (ims.hostName.split('.')[0] || config.site).toUpperCase(),
  };
}

export const postofficeKey = (network: string, postoffice: string) => `${network}/${postoffice}`.toUpperCase();

export type RoutingInput = { address: string; origin: Origin };

export const MAX_ADDRESS_LENGTH = 1024;

/** Reads the address: an optional type prefix (`SMTP:`, `MS:`, `X400:`, ...); a bare `x@y` is SMTP. */
export function parseRoutingAddress(raw: string): { ok: true; type: string; address: string } | { ok: false; message: string } {
  const read = readRoutingAddress(raw);
  return read.ok ? { ok: true, type: read.type, address: read.address } : read;
}

/** parseRoutingAddress, keeping the parts of an SMTP address for the resolver (null for other types). */
function readRoutingAddress(raw: string): { ok: true; type: string; address: string; smtp: SmtpAddress | null } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Type an address, for example administrator@adatum.com or MS:ADATUM/REDMOND/BOB.' };
  if (text.length > MAX_ADDRESS_LENGTH) return { ok: false, message: `The address is ${text.length} characters long; the limit is ${MAX_ADDRESS_LENGTH}.` };
  const written = parseWrittenAddress(text);
  // `bob@adatum.com` has no prefix; `"a:b"@adatum.com` has a colon but no valid prefix before it.
  const typed = written && !written.type.includes('@') ? written : null;
  const type = typed ? normalizeAddressType(typed.type) : 'SMTP';
  const address = typed ? typed.address.trim() : text;
  if (!typed && !address.includes('@')) {
    return {
      ok: false,
      message: address.split('/').length === 3
        ? `'${address}' has no type: write a Microsoft Mail address as MS:${address}.`
        : `'${address}' is not an Internet address (name@domain) and has no type prefix such as MS: or X400:.`,
    };
  }
  const check = readAddress(type, address);
  if (!check.ok) return { ok: false, message: check.message };
  return { ok: true, type, address, smtp: check.smtp };
}

/** An address as results show it: SMTP bare (`bob@adatum.com`), other types with their prefix. */
export function displayAddress(type: string, address: string): string {
  return type === 'SMTP' ? address : `${type}:${address}`;
}

const NDR_UNKNOWN = 'The recipient name is not recognized';
const KNOWN_ORIGINS: ReadonlySet<string> = new Set(ORIGINS);

export type ResolveOptions = {
  /** false: the result's `steps` stay empty (the batch API's verdict-only answers). Default true. */
  steps?: boolean;
};

/** Answers one address from one origin. Never throws for an ordinary outcome. */
export function resolveAddress(routing: CompiledRouting, directory: Directory, input: RoutingInput, options: ResolveOptions = {}): RoutingOutcome {
  if (!KNOWN_ORIGINS.has(input.origin)) {
    return { ok: false, field: 'origin', message: `The origin must be one of ${ORIGINS.join(', ')}.` };
  }
  const parsed = readRoutingAddress(input.address);
  if (!parsed.ok) return { ok: false, field: 'address', message: parsed.message };
  const { type, address, smtp } = parsed;
  const run = new Resolution(routing, directory, input.origin, type, address, options.steps ?? true);
  if (smtp) {
    // An SMTP address (read into its parts once, above).
    if (input.origin === 'msmail') return outsideModel('an SMTP address', 'MS Mail routes by NETWORK/POSTOFFICE; its own SMTP gateway is not part of this configuration.');
    return { ok: true, result: run.smtp(smtp) };
  }
  if (input.origin === 'internet') {
    return { ok: false, field: 'origin', message: `A sender on the Internet can only address SMTP mail (name@domain); ${displayAddress(type, address)} is of type ${type}.` };
  }
  if (type === 'MS') return { ok: true, result: run.ms() };
  if (input.origin === 'msmail') return outsideModel(`a ${type} address`, 'MS Mail users reach Exchange through MS-type addresses (NETWORK/POSTOFFICE/MAILBOX).');
  return { ok: true, result: run.other() };
}

function outsideModel(what: string, why: string): RoutingOutcome {
  return { ok: false, field: 'origin', message: `Mail from an MS Mail user to ${what} is outside what the preview models: ${why} (ROUTING.md).` };
}

const summaryOf = (recipient: DirectoryRecipient): RoutedRecipient => ({
  id: recipient.id,
  kind: recipient.kind,
  directoryName: recipient.directoryName,
  displayName: recipient.displayName,
});

const proxyObject = ({ recipient, proxy }: ProxyHolder): RoutingObject => ({
  kind: 'proxy-address',
  recipientId: recipient.id,
  type: proxy.type,
  address: proxy.address,
  primary: proxy.primary,
});

const entryObject = (entry: CompiledEntry): RoutingObject => ({ kind: 'routing-entry', sentTo: entry.sentTo, routeTo: entry.routeTo, implicit: entry.implicit });

const KIND_WORDS = { mailbox: 'mailbox', custom: 'custom recipient', dl: 'distribution list' } as const;

/** One resolution: collects the steps while it follows the rules. */
class Resolution {
  readonly steps: RoutingStep[] = [];
  private readonly organization: string;
  private readonly site: string;

  constructor(
    private readonly routing: CompiledRouting,
    private readonly directory: Directory,
    private readonly origin: Origin,
    private readonly type: string,
    private readonly address: string,
    private readonly describeSteps: boolean,
  ) {
    this.organization = routing.config.organization;
    this.site = routing.config.site;
    if (this.describeSteps) this.step({
      rule: 'sender',
      stage: 'sender',
      title: `Sent from ${ORIGIN_LABELS[origin]}`,
      detail: `A message to ${displayAddress(type, address)} from ${ORIGIN_LABELS[origin]}.`,
    });
  }

  /**
   * Records a step. Callers test `describeSteps` first, so that a batch asking for verdicts only
   * (steps: false) never builds the words of a step.
   */
  private step(step: RoutingStep) {
    this.steps.push(step);
  }

  private result(verdict: Verdict, summary: string, fields: Partial<RoutingResult> & { finalAddress: string }): RoutingResult {
    return {
      address: this.address,
      type: this.type,
      origin: this.origin,
      site: this.site,
      verdict,
      summary,
      recipient: null,
      replyAddress: null,
      ndr: null,
      ...fields,
      steps: this.steps,
    };
  }

  private ndr(ndr: Ndr, finalAddress: string, rule: string, stage: RoutingStep['stage'], detail: () => string, extra: Partial<RoutingStep> = {}): RoutingResult {
    if (this.describeSteps) this.step({ rule, stage, title: `Non-delivery report ${ndr.code}`, detail: detail(), ...extra });
    return this.result('ndr', `Non-delivery report ${ndr.code}: ${ndr.text}`, { finalAddress, ndr });
  }

  // -------------------------------------------------------------------------------------------
  // SMTP

  smtp(parts: SmtpAddress): RoutingResult {
    const ims = this.routing.config.internetMailService;
    if (this.origin === 'internet') {
      // Step 1: outside hosts find the IMS through the domain's MX record (every seed starts there).
      if (this.describeSteps) this.step({
        rule: 'dns.mx',
        stage: 'dns',
        title: 'DNS: not checked',
        detail: `The sending host looks up the MX record of ${parts.domain}, which must point at ${ims.hostName || 'the Internet Mail Service'}. xadm does not check DNS yet.`,
        object: { kind: 'internet-mail-service', tab: 'general' },
      });
      if (!ims.rerouteIncoming) return this.acceptAll(parts.local, parts.domain, parts.domainKey);
    }
    const table = ims.rerouteIncoming ? this.routing.table : this.routing.siteTable;
    return this.reroute(table, parts.local, parts.domain, parts.domainKey);
  }

  /** "Do not reroute incoming SMTP mail": Internet mail is accepted whatever its domain. */
  private acceptAll(local: string, domain: string, key: string): RoutingResult {
    if (this.describeSteps) this.step({
      rule: 'ims.accept',
      stage: 'ims',
      title: 'Accepted by the Internet Mail Service',
      detail: 'The Routing tab is set to "Do not reroute incoming SMTP mail": the IMS accepts the message whatever its domain.',
      object: { kind: 'internet-mail-service', tab: 'routing' },
    });
    return this.directorySmtp(local, domain, key, 'internet');
  }

  /**
   * Step 2: look the domain up in the routing table, rewriting until inbound, no match or a loop.
   * `key` is the domain as the table compares it (domainKey).
   */
  private reroute(table: CompiledTable, local: string, domain: string, key: string): RoutingResult {
    const used: CompiledEntry[] = [];
    let current = domain;
    let currentKey = key;
    for (;;) {
      const entry = matchDomain(table, currentKey);
      if (!entry) return this.noRoute(local, current, currentKey);
      if (entry.routeTo === ROUTE_INBOUND) {
        if (this.describeSteps) this.step({
          rule: 'reroute.inbound',
          stage: 'reroute',
          title: `Inbound: ${entry.sentTo}`,
          detail: entry.implicit
            ? `${current} is the site SMTP domain (Site Addressing), always accepted as inbound.`
            : `The routing entry ${entry.sentTo} → inbound ${entry.exact ? 'matches this domain exactly' : currentKey === entry.domain ? 'matches this domain' : `matches ${current} as a subdomain`}: the message is delivered here.`,
          article: entry.implicit ? 'Q174351' : entry.exact ? 'Q169683' : currentKey === entry.domain ? 'Q174351' : 'Q263199',
          object: entryObject(entry),
        });
        return this.directorySmtp(local, current, currentKey);
      }
      if (used.includes(entry)) {
        const cycle = [...used.slice(used.indexOf(entry)), entry].map((e) => e.sentTo).join(' → ');
        return this.ndr({ code: '5.4.6', text: 'Routing loop detected' }, `${local}@${current}`, 'reroute.loop', 'reroute', () => `The routing table rewrites in a circle (${cycle}); the message would never arrive.`, {
          object: entryObject(entry),
        });
      }
      used.push(entry);
      const rewritten = entry.routeTo;
      if (this.describeSteps) this.step({
        rule: 'reroute.rewrite',
        stage: 'reroute',
        title: `Rerouted to ${rewritten}`,
        detail: `The routing entry ${entry.sentTo} → ${rewritten} ${entry.exact || currentKey === entry.domain ? 'matches' : `matches the subdomain ${current}`}: ${local}@${current} is rewritten to ${local}@${rewritten}.`,
        article: 'Q307628',
        object: entryObject(entry),
      });
      current = rewritten;
      currentKey = domainKey(rewritten);
    }
  }

  /** No entry matches: relaying for an Internet sender is refused; an Exchange user's mail leaves. */
  private noRoute(local: string, domain: string, key: string): RoutingResult {
    const address = `${local}@${domain}`;
    if (this.origin === 'internet') {
      if (this.describeSteps) this.step({
        rule: 'reroute.relay',
        stage: 'ims',
        title: 'Refused: unable to relay',
        detail: `No entry of the routing table matches ${domain}, so the message would be relayed back out to the Internet; the IMS refuses that for an anonymous Internet sender during the SMTP conversation.`,
        article: 'Q169683',
        object: { kind: 'internet-mail-service', tab: 'routing' },
      });
      return this.result('rejected', 'Refused: 550 5.7.1 Unable to relay', { finalAddress: address, ndr: { code: '5.7.1', text: 'Unable to relay' } });
    }
    if (this.describeSteps) this.step({
      rule: 'exchange.outbound',
      stage: 'internet',
      title: 'Sent out through the Internet Mail Service',
      detail: `${domain} is not a domain this site accepts, so the message leaves through the IMS to the MX host of ${domain}.`,
      object: { kind: 'internet-mail-service', tab: 'routing' },
    });
    const holders = findSmtpHolders(this.directory, local, key);
    if (holders.length === 0) return this.result('sent-to-internet', `Sent to the Internet: ${address}`, { finalAddress: address });
    // Someone here holds the address, so its domain's MX presumably points back at this IMS: the
    // message comes back in as Internet mail and takes the Internet path (ROUTING.md, origin exchange).
    if (this.describeSteps) this.step({
      rule: 'exchange.loopback',
      stage: 'dns',
      title: 'Comes back in from the Internet',
      detail: `${holders[0].recipient.displayName} holds ${address}, so the MX record of ${domain} presumably points back at this IMS and the message returns as Internet mail. This depends on DNS, which xadm does not check.`,
      object: proxyObject(holders[0]),
    });
    const ims = this.routing.config.internetMailService;
    if (!ims.rerouteIncoming) return this.acceptAll(local, domain, key);
    // Rerouting is on and no entry matched: coming back in, it is refused as relaying.
    if (this.describeSteps) this.step({
      rule: 'reroute.relay',
      stage: 'ims',
      title: 'Refused: unable to relay',
      detail: `Back at the IMS, no entry of the routing table matches ${domain}: the IMS refuses to relay it. Add ${domain} to the routing table as inbound to accept it.`,
      article: 'Q174351',
      object: { kind: 'internet-mail-service', tab: 'routing' },
    });
    return this.result('rejected', 'Refused: 550 5.7.1 Unable to relay', { finalAddress: address, ndr: { code: '5.7.1', text: 'Unable to relay' } });
  }

  /**
   * Step 3: find the holder of the SMTP proxy; then the postmaster rule; else NDR 5.1.1.
   * `key` is the domain as domainKey gives it (the routing table's form, and the proxy index's).
   */
  private directorySmtp(local: string, domain: string, key: string, arrivedFrom: Origin = this.origin): RoutingResult {
    const address = `${local}@${domain}`;
    const holders = findSmtpHolders(this.directory, local, key);
    if (holders.length > 0) return this.holderFound(holders, 'SMTP', address);
    const postmaster = local.toLowerCase() === 'postmaster';
    if (postmaster && key === this.routing.siteDomain) {
      const adminId = this.routing.config.internetMailService.administratorId;
      const admin = adminId === null ? undefined : this.directory.recipients.get(adminId);
      if (!admin) {
        return this.ndr({ code: '5.1.1', text: NDR_UNKNOWN }, address, 'postmaster.no-administrator', 'directory', () => `Nobody holds ${address}, and mail to postmaster of the site SMTP domain goes to the IMS administrator's mailbox, which is not set.`, {
          article: 'Q242387',
          object: { kind: 'internet-mail-service', tab: 'internet-mail' },
        });
      }
      if (this.describeSteps) this.step({
        rule: 'postmaster',
        stage: 'directory',
        title: "Postmaster: the administrator's mailbox",
        detail: `Nobody holds ${address}; mail to postmaster of the site SMTP domain goes to the administrator's mailbox set on the Internet Mail tab, ${admin.displayName}.`,
        article: 'Q242387',
        object: { kind: 'internet-mail-service', tab: 'internet-mail' },
      });
      return this.deliverTo(admin, null, address);
    }
    const ndr: Ndr = { code: '5.1.1', text: NDR_UNKNOWN };
    if (arrivedFrom === 'internet') ndr.diagnostic = `MSEXCH:IMS:${this.organization}:${this.site}:${this.routing.server} 0 (000C05A6) Unknown Recipient`;
    return this.ndr(ndr, address, 'directory.unknown', 'directory',
      () => postmaster
        ? `Nobody holds ${address}. Only postmaster of the site SMTP domain goes to the administrator's mailbox; for another hosted domain, add ${address} as a secondary address of the recipient who should get it.`
        : `No recipient holds the SMTP address ${address}, primary or secondary.${arrivedFrom === 'internet' ? ' Exchange 5.5 accepts the message first and returns the report to the sender afterwards.' : ''}`,
      { article: postmaster ? 'Q242387' : 'Q174351' });
  }

  /** A holder was found: ambiguous when duplicates slipped in, else deliver, forward or expand. */
  private holderFound(holders: readonly ProxyHolder[], type: string, address: string): RoutingResult {
    if (holders.length > 1) {
      return this.ndr({ code: '5.1.4', text: 'The recipient name is ambiguous', diagnostic: '(000C0595) Ambiguous Recipient' }, displayAddress(type, address), 'directory.ambiguous', 'directory',
        () => `${holders.length} recipients hold ${displayAddress(type, address)}: ${holders.map((h) => h.recipient.displayName).join(', ')}. Remove the duplicate.`,
        { article: 'Q251152', object: proxyObject(holders[0]) });
    }
    const holder = holders[0];
    if (this.describeSteps) this.step({
      rule: 'directory.match',
      stage: 'directory',
      title: `Found: ${holder.recipient.displayName}`,
      detail: `${holder.recipient.displayName} (${KIND_WORDS[holder.recipient.kind]}) holds ${holder.proxy.primary ? 'the reply address' : 'the secondary address'} ${holder.proxy.primary ? holder.proxy.type.toUpperCase() : holder.proxy.type.toLowerCase()}:${holder.proxy.address}.`,
      object: proxyObject(holder),
    });
    return this.deliverTo(holder.recipient, holder, address);
  }

  private replyAddressOf(recipient: DirectoryRecipient, type: string): string | null {
    const reply = findReplyProxy(recipient, type);
    return reply ? displayAddress(type, reply.address) : null;
  }

  /** Hands the message to the recipient found: a mailbox, a custom recipient, or a list. */
  private deliverTo(recipient: DirectoryRecipient, holder: ProxyHolder | null, address: string): RoutingResult {
    const type = holder ? holder.proxy.type.toUpperCase() : this.type;
    const finalAddress = displayAddress(type, address);
    const reply = holder ? replyProxyOf(holder) : findReplyProxy(recipient, type);
    const replyAddress = reply ? displayAddress(type, reply.address) : null;
    const routed = summaryOf(recipient);
    if (recipient.kind === 'custom') {
      const target = recipient.targetAddress ? parseWrittenAddress(recipient.targetAddress) : null;
      const targetText = target ? displayAddress(target.type, target.address) : '(no target address)';
      const via = !target ? 'nowhere' : target.type === 'SMTP' ? 'out through the Internet Mail Service' : target.type === 'MS' ? 'through the MS Mail Connector' : `through the gateway for ${target.type} addresses`;
      if (this.describeSteps) this.step({
        rule: 'forward.custom',
        stage: 'custom',
        title: `Forwarded to ${targetText}`,
        detail: `${recipient.displayName} is a custom recipient: the message goes to its target address ${targetText}, ${via}.`,
        object: { kind: 'recipient', recipientId: recipient.id },
      });
      return this.result('forwarded', `Forwarded to ${targetText} (custom recipient ${recipient.displayName})`, { finalAddress: targetText, recipient: routed, replyAddress });
    }
    if (recipient.kind === 'dl') {
      const members = this.expand(recipient, new Set([recipient.id]));
      if (this.describeSteps) this.step({
        rule: 'expand.list',
        stage: 'list',
        title: `Expanded: ${recipient.displayName}`,
        detail: members.length === 0
          ? `${recipient.displayName} is a distribution list with no members: nobody gets the message.`
          : `${recipient.displayName} is a distribution list: each of its ${members.length} member${members.length === 1 ? '' : 's'} gets the message.`,
        object: { kind: 'recipient', recipientId: recipient.id },
      });
      return this.result('expanded', `Expanded: distribution list ${recipient.displayName}, ${members.length} member${members.length === 1 ? '' : 's'}`, {
        finalAddress,
        recipient: routed,
        replyAddress,
        members,
      });
    }
    const sentAs = this.type === type ? displayAddress(this.type, this.address) : null;
    // Compare the addresses themselves (an SMTP local part may hold a colon: "x:b"@adatum.com).
    const differs = reply !== null && (sentAs === null || !sameProxyAddress(type, this.address, reply.address));
    if (this.describeSteps) this.step({
      rule: 'deliver.mailbox',
      stage: 'mailbox',
      title: `Delivered to ${recipient.displayName}`,
      detail: differs
        ? `The message is delivered to the mailbox ${recipient.displayName}. Replies will come from its reply address ${replyAddress}, not from ${sentAs ?? displayAddress(this.type, this.address)}.`
        : `The message is delivered to the mailbox ${recipient.displayName}.`,
      article: differs ? 'Q307628' : undefined,
      object: { kind: 'recipient', recipientId: recipient.id },
    });
    return this.result('delivered', `Delivered to ${recipient.displayName}`, { finalAddress, recipient: routed, replyAddress });
  }

  /** Expands a list: every member once; a list met again (or containing itself) is not re-expanded. */
  private expand(list: DirectoryRecipient, seen: Set<number>): RoutedMember[] {
    const members: RoutedMember[] = [];
    for (const id of list.members) {
      const member = this.directory.recipients.get(id);
      if (!member) continue;
      const recipient = summaryOf(member);
      if (seen.has(id)) {
        members.push({
          recipient,
          verdict: member.kind === 'dl' ? 'expanded' : member.kind === 'custom' ? 'forwarded' : 'delivered',
          finalAddress: null,
          note: member.id === list.id ? 'The list contains itself; it is expanded once.' : 'Already reached through another list; Exchange delivers one copy.',
        });
        continue;
      }
      seen.add(id);
      if (member.kind === 'dl') {
        members.push({ recipient, verdict: 'expanded', finalAddress: null, members: this.expand(member, seen) });
      } else if (member.kind === 'custom') {
        const target = member.targetAddress ? parseWrittenAddress(member.targetAddress) : null;
        members.push({ recipient, verdict: 'forwarded', finalAddress: target ? displayAddress(target.type, target.address) : null });
      } else {
        members.push({ recipient, verdict: 'delivered', finalAddress: this.replyAddressOf(member, 'SMTP') ?? firstReply(member) });
      }
    }
    return members;
  }

  // -------------------------------------------------------------------------------------------
  // Microsoft Mail: NETWORK/POSTOFFICE/MAILBOX

  ms(): RoutingResult {
    const [network, postoffice] = this.address.split('/');
    const key = postofficeKey(network, postoffice);
    const written = displayAddress('MS', this.address);
    const connector = this.routing.config.msMailConnector;
    const own = key === this.routing.ownPostoffice;
    const definition = own ? undefined : this.routing.postoffices.get(key);
    if (this.origin === 'exchange') {
      if (own) {
        if (this.describeSteps) this.step({
          rule: 'msmail.own-postoffice',
          stage: 'connector',
          title: `${key}: this site's postoffice`,
          detail: `${key} is the MS Mail Connector's own postoffice identity: the address is looked up in the directory.`,
          object: { kind: 'msmail-connector' },
        });
        return this.directoryOther(written);
      }
      if (definition?.connection === 'direct') {
        if (this.describeSteps) this.step({
          rule: 'msmail.direct',
          stage: 'connector',
          title: `Through the MS Mail Connector to ${key}`,
          detail: `${key} is an MS Mail postoffice the connector serves directly: the message is handed to it.`,
          object: { kind: 'postoffice', ...definition },
        });
        return this.result('forwarded', `Forwarded to the MS Mail postoffice ${key}`, { finalAddress: written });
      }
      if (definition?.connection === 'indirect') {
        // Q156545: "Exchange users will receive non-delivery reports (NDRs) when sending mail
        // messages to this address. This procedure only allows foreign mail systems to use the
        // second proxy address."
        return this.ndr({ code: '5.4.4', text: `No route to ${key}` }, written, 'msmail.indirect', 'connector',
          () => `${key} is defined only as an external postoffice indirect via ${postofficeKey(connector.network, connector.postoffice)}. Only MS Mail users can use addresses on it; Exchange users get a non-delivery report.`,
          { article: 'Q156545', object: { kind: 'postoffice', ...definition } });
      }
      return this.ndr({ code: '5.4.4', text: `No route to ${key}` }, written, 'msmail.unknown', 'connector',
        () => `The MS Mail Connector knows no postoffice ${key} (its own is ${postofficeKey(connector.network, connector.postoffice)}).`,
        { object: { kind: 'msmail-connector' } });
    }
    // origin msmail: MS Mail routes by NETWORK/POSTOFFICE.
    if (own || definition?.connection === 'indirect') {
      if (this.describeSteps) this.step({
        rule: own ? 'msmail.own-postoffice' : 'msmail.indirect',
        stage: 'msmail',
        title: own ? `MS Mail routes ${key} to Exchange` : `${key} is indirect via the connector`,
        detail: own
          ? `${key} is the MS Mail Connector's postoffice: MS Mail hands the message to Exchange, which looks the address up in the directory.`
          : `MS Mail has ${key} defined as an external postoffice indirect via ${postofficeKey(connector.network, connector.postoffice)}, so it hands the message to Exchange, which looks the address up in the directory.`,
        article: own ? undefined : 'Q156545',
        object: own ? { kind: 'msmail-connector' } : { kind: 'postoffice', ...definition! },
      });
      return this.directoryOther(written);
    }
    if (definition?.connection === 'direct') {
      if (this.describeSteps) this.step({
        rule: 'msmail.direct',
        stage: 'msmail',
        title: `Delivered on MS Mail at ${key}`,
        detail: `${key} is a real MS Mail postoffice: MS Mail delivers the message there, outside Exchange.`,
        object: { kind: 'postoffice', ...definition },
      });
      return this.result('delivered', `Delivered on the MS Mail postoffice ${key}, outside Exchange`, { finalAddress: written });
    }
    return this.ndr({ code: '5.4.4', text: `MS Mail cannot route to ${key}` }, written, 'msmail.unknown', 'msmail',
      () => `${key} is neither the connector's postoffice nor a postoffice MS Mail knows through it: MS Mail returns a non-delivery report.`,
      { object: { kind: 'msmail-connector' } });
  }

  // -------------------------------------------------------------------------------------------
  // X.400 and other types (origin exchange): a directory lookup of the proxy.

  other(): RoutingResult {
    return this.directoryOther(displayAddress(this.type, this.address));
  }

  private directoryOther(written: string): RoutingResult {
    const holders = findProxyHolders(this.directory, this.type, this.address);
    if (holders.length > 0) return this.holderFound(holders, this.type, this.address);
    const known = this.type === 'MS' || this.type === 'X400';
    return this.ndr(
      known ? { code: '5.1.1', text: NDR_UNKNOWN } : { code: '5.4.4', text: `No route for ${this.type} addresses` },
      written,
      'directory.unknown',
      'directory',
      () => known
        ? `No recipient holds the ${this.type} address ${written}, primary or secondary.`
        : `No recipient holds ${written}, and this site has no connector or gateway for ${this.type} addresses.`,
      this.type === 'MS' ? { article: 'Q156545' } : {},
    );
  }
}

function firstReply(recipient: DirectoryRecipient): string | null {
  const reply = recipient.proxies.find((p) => p.primary);
  return reply ? displayAddress(reply.type.toUpperCase(), reply.address) : null;
}
