import { describe, expect, it } from 'vitest';
import { buildDirectory } from './directory';
import { MAX_ADDRESS_LENGTH, compileRouting, displayAddress, parseRoutingAddress, postofficeKey, resolveAddress } from './resolve';
import {
  ADMIN_ID,
  BOB_ID,
  POSTOFFICES,
  Q307628_ROUTES,
  administrator,
  bob,
  customRecipient,
  distributionList,
  landing,
  mailbox,
  rerouting,
  resolveWith,
  route,
  routingConfig,
  rules,
} from './test-fixtures';
import type { DirectoryRecipient, Origin, RoutingConfig, RoutingStep } from './types';

const UNKNOWN = 'The recipient name is not recognized';
const IMS_DIAGNOSTIC = 'MSEXCH:IMS:ADATUM:REDMOND:MAIL 0 (000C05A6) Unknown Recipient';

/** The refusal of a malformed input (field and message), or the verdict when it was accepted. */
function refusal(config: RoutingConfig, recipients: DirectoryRecipient[], address: string, origin: string) {
  const outcome = resolveAddress(compileRouting(config), buildDirectory(recipients), { address, origin: origin as Origin });
  return outcome.ok ? `accepted: ${outcome.result.verdict}` : { field: outcome.field, message: outcome.message };
}

const stepOf = (steps: RoutingStep[], rule: string) => {
  const step = steps.find((s) => s.rule === rule);
  if (!step) throw new Error(`no step ${rule} in ${steps.map((s) => s.rule).join(' > ')}`);
  return step;
};

// -----------------------------------------------------------------------------------------------
// The worked examples of ROUTING.md, as written.

describe('worked example Q307628: routing several domains to a single SMTP proxy address', () => {
  const config = routingConfig(rerouting(...Q307628_ROUTES));
  const directory = () => [administrator(), bob()];

  it('rewrites administrator@cpandl.net to adatum.com and delivers it to Administrator', () => {
    const result = resolveWith(config, directory(), 'administrator@cpandl.net');
    expect(landing(result)).toEqual({
      verdict: 'delivered',
      finalAddress: 'administrator@adatum.com',
      recipientId: ADMIN_ID,
      replyAddress: 'administrator@adatum.com',
      ndr: null,
    });
    expect(result.recipient).toEqual({ id: ADMIN_ID, kind: 'mailbox', directoryName: 'Administrator', displayName: 'Administrator' });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
    expect(result.address).toBe('administrator@cpandl.net');
    expect(result.type).toBe('SMTP');
    expect(result.origin).toBe('internet');
    expect(result.site).toBe('REDMOND');
  });

  it('names the routing entry in the reroute.rewrite step, citing Q307628', () => {
    const result = resolveWith(config, directory(), 'administrator@cpandl.net');
    const rewrite = stepOf(result.steps, 'reroute.rewrite');
    expect(rewrite).toMatchObject({
      stage: 'reroute',
      title: 'Rerouted to adatum.com',
      article: 'Q307628',
      object: { kind: 'routing-entry', sentTo: 'cpandl.net', routeTo: 'adatum.com', implicit: false },
    });
    expect(rewrite.detail).toContain('administrator@cpandl.net is rewritten to administrator@adatum.com');
    expect(stepOf(result.steps, 'reroute.inbound').object).toEqual({ kind: 'routing-entry', sentTo: 'adatum.com', routeTo: 'inbound', implicit: false });
  });

  it('compares the addresses themselves, even when a quoted local part holds a colon', () => {
    const quoted = mailbox(7, 'Quoted', ['SMTP:"y:b"@adatum.com', 'smtp:"x:b"@adatum.com']);
    const secondary = stepOf(resolveWith(config, [administrator(), quoted], '"x:b"@adatum.com').steps, 'deliver.mailbox');
    expect(secondary.detail).toContain('Replies will come from its reply address "y:b"@adatum.com');
    const primary = stepOf(resolveWith(config, [administrator(), quoted], '"Y:B"@adatum.com').steps, 'deliver.mailbox');
    expect(primary.detail).not.toContain('Replies will come from');
  });

  it('says replies come from the reply address administrator@adatum.com (the limitation)', () => {
    const deliver = stepOf(resolveWith(config, directory(), 'administrator@cpandl.net').steps, 'deliver.mailbox');
    expect(deliver.article).toBe('Q307628');
    expect(deliver.detail).toContain('Replies will come from its reply address administrator@adatum.com, not from administrator@cpandl.net');
  });

  it('reroutes cpandl.org and internal.adatum.com the same way, each through its own entry', () => {
    for (const [address, sentTo] of [['administrator@cpandl.org', 'cpandl.org'], ['administrator@internal.adatum.com', 'internal.adatum.com']]) {
      const result = resolveWith(config, directory(), address);
      expect(landing(result), address).toEqual({ verdict: 'delivered', finalAddress: 'administrator@adatum.com', recipientId: ADMIN_ID, replyAddress: 'administrator@adatum.com', ndr: null });
      expect(stepOf(result.steps, 'reroute.rewrite').object, address).toMatchObject({ kind: 'routing-entry', sentTo, routeTo: 'adatum.com' });
    }
  });

  it('without the internal.adatum.com entry, adatum.com takes the subdomain in as it is and the directory does not know it', () => {
    const result = resolveWith(routingConfig(rerouting(...Q307628_ROUTES.slice(0, 3))), directory(), 'administrator@internal.adatum.com');
    expect(landing(result)).toMatchObject({ verdict: 'ndr', finalAddress: 'administrator@internal.adatum.com', recipientId: null, ndr: '5.1.1' });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.inbound', 'directory.unknown']);
    expect(stepOf(result.steps, 'reroute.inbound').article).toBe('Q263199');
  });

  it('delivers administrator@adatum.com without a rewrite and without a reply-address note', () => {
    const result = resolveWith(config, directory(), 'administrator@adatum.com');
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'deliver.mailbox').article).toBeUndefined();
  });
});

describe('worked example Q174351: secondary SMTP addresses', () => {
  const config = routingConfig(rerouting(route('domain2.com')));
  const user = (...extra: string[]) => mailbox(3, 'User Name', ['SMTP:username@adatum.com', ...extra]);

  it('delivers username@domain2.com to the mailbox holding it as a secondary address', () => {
    const result = resolveWith(config, [administrator(), user('smtp:username@domain2.com')], 'username@domain2.com');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'username@domain2.com', recipientId: 3, replyAddress: 'username@adatum.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'reroute.inbound')).toMatchObject({ article: 'Q174351', object: { kind: 'routing-entry', sentTo: 'domain2.com', routeTo: 'inbound', implicit: false } });
    const match = stepOf(result.steps, 'directory.match');
    expect(match.object).toEqual({ kind: 'proxy-address', recipientId: 3, type: 'SMTP', address: 'username@domain2.com', primary: false });
    expect(match.detail).toContain('holds the secondary address smtp:username@domain2.com');
  });

  it('without the secondary address: NDR 5.1.1 with the MSEXCH:IMS diagnostic line', () => {
    const result = resolveWith(config, [administrator(), user()], 'username@domain2.com');
    expect(result.verdict).toBe('ndr');
    expect(result.finalAddress).toBe('username@domain2.com');
    expect(result.recipient).toBeNull();
    expect(result.replyAddress).toBeNull();
    expect(result.ndr).toEqual({ code: '5.1.1', text: UNKNOWN, diagnostic: IMS_DIAGNOSTIC });
    expect(result.summary).toBe(`Non-delivery report 5.1.1: ${UNKNOWN}`);
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.inbound', 'directory.unknown']);
  });

  it('shows the site domain as an implicit inbound entry (company.com <Inbound>)', () => {
    const result = resolveWith(config, [administrator(), user()], 'username@adatum.com');
    expect(result.verdict).toBe('delivered');
    expect(stepOf(result.steps, 'reroute.inbound').object).toEqual({ kind: 'routing-entry', sentTo: 'adatum.com', routeTo: 'inbound', implicit: true });
  });

  it("takes the diagnostic's server name from the IMS host's first label", () => {
    const result = resolveWith(routingConfig({ ...rerouting(route('domain2.com')), hostName: 'smtp01.adatum.com' }), [user()], 'nobody@domain2.com');
    expect(result.ndr?.diagnostic).toBe('MSEXCH:IMS:ADATUM:REDMOND:SMTP01 0 (000C05A6) Unknown Recipient');
    const noHost = resolveWith(routingConfig({ ...rerouting(route('domain2.com')), hostName: '' }), [user()], 'nobody@domain2.com');
    expect(noHost.ndr?.diagnostic).toBe('MSEXCH:IMS:ADATUM:REDMOND:REDMOND 0 (000C05A6) Unknown Recipient');
  });
});

describe('worked example Q242387: postmaster when hosting several domains', () => {
  it('sends postmaster@adatum.com, which nobody holds, to the administrator’s mailbox', () => {
    for (const options of [{}, rerouting(route('domain2.com'))]) {
      const result = resolveWith(routingConfig(options), [administrator(), bob()], 'postmaster@adatum.com');
      expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'postmaster@adatum.com', recipientId: ADMIN_ID, replyAddress: 'administrator@adatum.com', ndr: null });
      expect(rules(result).slice(-2)).toEqual(['postmaster', 'deliver.mailbox']);
      expect(stepOf(result.steps, 'postmaster')).toMatchObject({ article: 'Q242387', object: { kind: 'internet-mail-service', tab: 'internet-mail' } });
    }
  });

  it('reads postmaster and the site domain case-insensitively', () => {
    expect(resolveWith(routingConfig(), [administrator()], 'PostMaster@ADATUM.COM').recipient?.id).toBe(ADMIN_ID);
  });

  it('gives the administrator’s mailbox to postmaster from a user in the organisation too', () => {
    const result = resolveWith(routingConfig(), [administrator(), bob()], 'postmaster@adatum.com', 'exchange');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', recipientId: ADMIN_ID });
    expect(rules(result)).toContain('postmaster');
  });

  it('returns an NDR when no administrator’s mailbox is set, or it no longer exists', () => {
    for (const administratorId of [null, 99]) {
      const result = resolveWith(routingConfig({ administratorId }), [administrator(), bob()], 'postmaster@adatum.com');
      expect(landing(result), String(administratorId)).toEqual({ verdict: 'ndr', finalAddress: 'postmaster@adatum.com', recipientId: null, replyAddress: null, ndr: '5.1.1' });
      expect(result.ndr?.text).toBe(UNKNOWN);
      expect(stepOf(result.steps, 'postmaster.no-administrator')).toMatchObject({ article: 'Q242387', object: { kind: 'internet-mail-service', tab: 'internet-mail' } });
    }
  });

  it('returns an NDR for postmaster@domain2.com until someone holds it as a secondary address', () => {
    const config = routingConfig(rerouting(route('domain2.com')));
    const before = resolveWith(config, [administrator(), bob()], 'postmaster@domain2.com');
    expect(landing(before)).toEqual({ verdict: 'ndr', finalAddress: 'postmaster@domain2.com', recipientId: null, replyAddress: null, ndr: '5.1.1' });
    expect(before.ndr?.diagnostic).toBe(IMS_DIAGNOSTIC);
    expect(stepOf(before.steps, 'directory.unknown')).toMatchObject({ article: 'Q242387', detail: expect.stringContaining('add postmaster@domain2.com as a secondary address') });
    expect(rules(before)).not.toContain('postmaster');

    const after = resolveWith(config, [administrator(), bob('smtp:postmaster@domain2.com')], 'postmaster@domain2.com');
    expect(landing(after)).toEqual({ verdict: 'delivered', finalAddress: 'postmaster@domain2.com', recipientId: BOB_ID, replyAddress: 'bob@adatum.com', ndr: null });
  });

  it('with rerouting off, postmaster@ another domain is an ordinary address too', () => {
    const result = resolveWith(routingConfig(), [administrator()], 'postmaster@domain2.com');
    expect(landing(result)).toMatchObject({ verdict: 'ndr', ndr: '5.1.1' });
  });

  it('sends postmaster of a domain rewritten to the site domain to the administrator’s mailbox', () => {
    const result = resolveWith(routingConfig(rerouting(...Q307628_ROUTES)), [administrator(), bob()], 'postmaster@cpandl.net');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'postmaster@adatum.com', recipientId: ADMIN_ID, replyAddress: 'administrator@adatum.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.inbound', 'postmaster', 'deliver.mailbox']);
  });

  it('compares the site domain in ASCII form for the postmaster rule', () => {
    const config = routingConfig({ siteSmtpDomain: 'exämple.com' });
    expect(landing(resolveWith(config, [administrator()], 'postmaster@XN--EXMPLE-CUA.com'))).toMatchObject({ verdict: 'delivered', recipientId: ADMIN_ID });
  });

  it('lets a holder found directly win over the postmaster rule', () => {
    const result = resolveWith(routingConfig(), [administrator(), bob('smtp:Postmaster@adatum.com')], 'postmaster@adatum.com');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'postmaster@adatum.com', recipientId: BOB_ID, replyAddress: 'bob@adatum.com', ndr: null });
    expect(rules(result)).not.toContain('postmaster');
    expect(rules(result)).toContain('directory.match');
  });

  it('lets a holder win over the postmaster rule after a rewrite too', () => {
    const result = resolveWith(routingConfig(rerouting(...Q307628_ROUTES)), [administrator(), bob('smtp:postmaster@adatum.com')], 'postmaster@cpandl.org');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', finalAddress: 'postmaster@adatum.com', recipientId: BOB_ID });
  });
});

describe('worked example Q156545: a second MS proxy address for MS Mail users', () => {
  const config = routingConfig({ postoffices: POSTOFFICES });
  const directory = () => [administrator(), bob('ms:OLDNET/OLDPO/BOB')];

  it('delivers MS:OLDNET/OLDPO/BOB from an MS Mail user to Bob', () => {
    const result = resolveWith(config, directory(), 'MS:OLDNET/OLDPO/BOB', 'msmail');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'MS:OLDNET/OLDPO/BOB', recipientId: BOB_ID, replyAddress: 'MS:ADATUM/REDMOND/BOB', ndr: null });
    expect(rules(result)).toEqual(['sender', 'msmail.indirect', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'msmail.indirect')).toMatchObject({
      stage: 'msmail',
      article: 'Q156545',
      object: { kind: 'postoffice', network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' },
    });
    expect(stepOf(result.steps, 'directory.match').object).toEqual({ kind: 'proxy-address', recipientId: BOB_ID, type: 'MS', address: 'OLDNET/OLDPO/BOB', primary: false });
  });

  it('returns an NDR for the same address from an Exchange user', () => {
    const result = resolveWith(config, directory(), 'MS:OLDNET/OLDPO/BOB', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'MS:OLDNET/OLDPO/BOB', recipientId: null, replyAddress: null, ndr: '5.4.4' });
    expect(result.ndr?.text).toBe('No route to OLDNET/OLDPO');
    expect(rules(result)).toEqual(['sender', 'msmail.indirect']);
    expect(stepOf(result.steps, 'msmail.indirect')).toMatchObject({ stage: 'connector', article: 'Q156545', object: { kind: 'postoffice', network: 'OLDNET', connection: 'indirect' } });
  });

  it('returns an NDR from MS Mail users when nobody holds the address on the indirect postoffice', () => {
    const result = resolveWith(config, [administrator(), bob()], 'MS:OLDNET/OLDPO/BOB', 'msmail');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'MS:OLDNET/OLDPO/BOB', recipientId: null, replyAddress: null, ndr: '5.1.1' });
    expect(rules(result)).toEqual(['sender', 'msmail.indirect', 'directory.unknown']);
  });
});

describe('worked example Q263199: user@department.company.com', () => {
  const user1 = () => mailbox(3, 'User One', ['SMTP:user1@adatum.com', 'smtp:user1@example.microsoft.com']);

  it('delivers user1@example.microsoft.com with example.microsoft.com inbound and the secondary address', () => {
    const result = resolveWith(routingConfig(rerouting(route('example.microsoft.com'))), [administrator(), user1()], 'user1@example.microsoft.com');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'user1@example.microsoft.com', recipientId: 3, replyAddress: 'user1@adatum.com', ndr: null });
  });

  it('refuses it as relaying with #microsoft.com alone in the table (exact match only)', () => {
    const result = resolveWith(routingConfig(rerouting(route('#microsoft.com'))), [administrator(), user1()], 'user1@example.microsoft.com');
    expect(landing(result)).toEqual({ verdict: 'rejected', finalAddress: 'user1@example.microsoft.com', recipientId: null, replyAddress: null, ndr: '5.7.1' });
    expect(result.ndr).toEqual({ code: '5.7.1', text: 'Unable to relay' });
    expect(result.summary).toBe('Refused: 550 5.7.1 Unable to relay');
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.relay']);
  });

  it('with #microsoft.com, accepts microsoft.com itself', () => {
    const holder = mailbox(3, 'User One', ['SMTP:user1@adatum.com', 'smtp:user1@microsoft.com']);
    const result = resolveWith(routingConfig(rerouting(route('#microsoft.com'))), [holder], 'user1@microsoft.com');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', recipientId: 3 });
    expect(stepOf(result.steps, 'reroute.inbound')).toMatchObject({ article: 'Q169683', object: { sentTo: '#microsoft.com' } });
  });

  it('with microsoft.com (no #), takes example.microsoft.com in as a subdomain', () => {
    const result = resolveWith(routingConfig(rerouting(route('microsoft.com'))), [user1()], 'user1@example.microsoft.com');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', recipientId: 3 });
    expect(stepOf(result.steps, 'reroute.inbound').article).toBe('Q263199');
  });
});

// -----------------------------------------------------------------------------------------------
// The rerouting rules.

describe('rerouting: matching by whole labels, most specific first', () => {
  const x = (id: number, ...written: string[]) => mailbox(id, `User ${id}`, written);

  it('matches a subdomain (x.sea.com) but never chelsea.com', () => {
    const config = routingConfig(rerouting(route('sea.com')));
    const dir = [x(3, 'SMTP:u@adatum.com', 'smtp:u@x.sea.com', 'smtp:u@chelsea.com')];
    expect(landing(resolveWith(config, dir, 'u@x.sea.com'))).toMatchObject({ verdict: 'delivered', recipientId: 3 });
    expect(landing(resolveWith(config, dir, 'u@chelsea.com'))).toMatchObject({ verdict: 'rejected', ndr: '5.7.1', recipientId: null });
  });

  it('lets the most specific entry win whatever the order of the table', () => {
    const rows = [route('sea.com', 'adatum.com'), route('x.sea.com'), route('y.x.sea.com', 'adatum.com')];
    const dir = [x(3, 'SMTP:u@adatum.com', 'smtp:u@z.x.sea.com')];
    for (const order of [rows, [...rows].reverse(), [rows[1], rows[0], rows[2]]]) {
      const config = routingConfig(rerouting(...order));
      expect(landing(resolveWith(config, dir, 'u@z.x.sea.com')), 'x.sea.com inbound').toMatchObject({ verdict: 'delivered', finalAddress: 'u@z.x.sea.com' });
      expect(landing(resolveWith(config, dir, 'u@q.sea.com')), 'sea.com rewrite').toMatchObject({ verdict: 'delivered', finalAddress: 'u@adatum.com' });
      expect(landing(resolveWith(config, dir, 'u@y.x.sea.com')), 'y.x.sea.com rewrite').toMatchObject({ verdict: 'delivered', finalAddress: 'u@adatum.com' });
    }
  });

  it('matches # entries exactly', () => {
    const config = routingConfig(rerouting(route('#sea.com', 'adatum.com')));
    const dir = [x(3, 'SMTP:u@adatum.com', 'smtp:u@x.sea.com')];
    expect(landing(resolveWith(config, dir, 'u@sea.com'))).toMatchObject({ verdict: 'delivered', finalAddress: 'u@adatum.com' });
    expect(landing(resolveWith(config, dir, 'u@x.sea.com'))).toMatchObject({ verdict: 'rejected' });
  });

  it('follows a chain a → b → c inbound, one rewrite step per entry', () => {
    const config = routingConfig(rerouting(route('a.com', 'b.com'), route('b.com', 'c.com'), route('c.com')));
    const result = resolveWith(config, [x(3, 'SMTP:u@c.com')], 'u@a.com');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'u@c.com', recipientId: 3, replyAddress: 'u@c.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.rewrite', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
    expect(result.steps.filter((s) => s.rule === 'reroute.rewrite').map((s) => s.object)).toEqual([
      { kind: 'routing-entry', sentTo: 'a.com', routeTo: 'b.com', implicit: false },
      { kind: 'routing-entry', sentTo: 'b.com', routeTo: 'c.com', implicit: false },
    ]);
  });

  it('refuses as relaying a chain that leads out of the table', () => {
    const result = resolveWith(routingConfig(rerouting(route('a.com', 'b.com'))), [x(3, 'SMTP:u@b.com')], 'u@a.com');
    expect(landing(result)).toMatchObject({ verdict: 'rejected', finalAddress: 'u@b.com', ndr: '5.7.1' });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.relay']);
  });

  it('ends a loop a → b → a in NDR 5.4.6', () => {
    const result = resolveWith(routingConfig(rerouting(route('a.com', 'b.com'), route('b.com', 'a.com'))), [administrator()], 'u@a.com');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'u@a.com', recipientId: null, replyAddress: null, ndr: '5.4.6' });
    expect(result.ndr).toEqual({ code: '5.4.6', text: 'Routing loop detected' });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.rewrite', 'reroute.loop']);
    expect(stepOf(result.steps, 'reroute.loop').detail).toContain('(a.com → b.com → a.com)');
  });

  it('ends a self-loop and a loop into its own subdomain (sea.com → x.sea.com) in NDR 5.4.6', () => {
    const self = resolveWith(routingConfig(rerouting(route('a.com', 'a.com'))), [], 'u@a.com');
    expect(landing(self)).toMatchObject({ verdict: 'ndr', finalAddress: 'u@a.com', ndr: '5.4.6' });
    expect(rules(self)).toEqual(['sender', 'dns.mx', 'reroute.rewrite', 'reroute.loop']);
    const sub = resolveWith(routingConfig(rerouting(route('sea.com', 'x.sea.com'))), [mailbox(3, 'U', ['SMTP:u@x.sea.com'])], 'u@sea.com');
    expect(landing(sub)).toMatchObject({ verdict: 'ndr', finalAddress: 'u@x.sea.com', ndr: '5.4.6', recipientId: null });
  });

  it('ends a loop reached through a chain, and a loop from an Exchange user, in NDR 5.4.6', () => {
    const config = routingConfig(rerouting(route('c.com', 'a.com'), route('a.com', 'b.com'), route('b.com', 'a.com')));
    expect(landing(resolveWith(config, [], 'u@c.com')).ndr).toBe('5.4.6');
    expect(landing(resolveWith(config, [], 'u@c.com', 'exchange')).ndr).toBe('5.4.6');
  });

  it('does not loop through the site domain: it is always inbound', () => {
    const config = routingConfig(rerouting(route('cpandl.net', 'adatum.com'), route('adatum.com', 'cpandl.net')));
    expect(landing(resolveWith(config, [administrator()], 'administrator@cpandl.net'))).toMatchObject({ verdict: 'delivered', recipientId: ADMIN_ID });
  });

  it('compares the domain and the local part case-insensitively', () => {
    const config = routingConfig(rerouting(...Q307628_ROUTES, route('domain2.com')));
    const rewritten = resolveWith(config, [administrator()], 'ADMINISTRATOR@CPANDL.NET');
    expect(landing(rewritten)).toEqual({ verdict: 'delivered', finalAddress: 'ADMINISTRATOR@adatum.com', recipientId: ADMIN_ID, replyAddress: 'administrator@adatum.com', ndr: null });
    const secondary = resolveWith(config, [mailbox(3, 'U', ['SMTP:u@adatum.com', 'smtp:User.Name@Domain2.com'])], 'user.name@DOMAIN2.COM');
    expect(landing(secondary)).toMatchObject({ verdict: 'delivered', finalAddress: 'user.name@DOMAIN2.COM', recipientId: 3 });
    const table = routingConfig(rerouting(route('CPANDL.Net', 'ADATUM.COM')));
    expect(landing(resolveWith(table, [administrator()], 'administrator@cpandl.net')).recipientId).toBe(ADMIN_ID);
  });

  it('compares IDN domains in ASCII form, in the table and in the directory', () => {
    const unicodeTable = routingConfig(rerouting(route('exämple.com')));
    const asciiTable = routingConfig(rerouting(route('XN--EXMPLE-CUA.com')));
    const asciiHolder = [mailbox(3, 'U', ['SMTP:u@adatum.com', 'smtp:u@xn--exmple-cua.com'])];
    const unicodeHolder = [mailbox(3, 'U', ['SMTP:u@adatum.com', 'smtp:u@exämple.com'])];
    for (const config of [unicodeTable, asciiTable]) {
      for (const dir of [asciiHolder, unicodeHolder]) {
        for (const address of ['u@exämple.com', 'U@EXÄMPLE.COM', 'u@xn--exmple-cua.com']) {
          expect(landing(resolveWith(config, dir, address)), address).toMatchObject({ verdict: 'delivered', recipientId: 3 });
        }
      }
    }
    const rewrite = routingConfig(rerouting(route('exämple.com', 'adatum.com')));
    expect(landing(resolveWith(rewrite, asciiHolder, 'u@sub.exämple.com'))).toMatchObject({ verdict: 'delivered', finalAddress: 'u@adatum.com' });
  });

  it('looks up the address after the rewrite only: a secondary address in a rewritten domain is never reached', () => {
    // Step 3 of ROUTING.md: "the SMTP proxy address local@domain (after any rewrite)".
    const config = routingConfig(rerouting(...Q307628_ROUTES));
    const result = resolveWith(config, [administrator(), bob('smtp:robert@cpandl.net')], 'robert@cpandl.net');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'robert@adatum.com', recipientId: null, replyAddress: null, ndr: '5.1.1' });
  });

  it('never changes the local part when rewriting', () => {
    const config = routingConfig(rerouting(...Q307628_ROUTES));
    const result = resolveWith(config, [mailbox(3, 'Q', ['SMTP:"john doe"@adatum.com'])], '"john doe"@cpandl.net');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', finalAddress: '"john doe"@adatum.com', recipientId: 3 });
  });
});

describe('rerouting off (Do not reroute incoming SMTP mail)', () => {
  it('accepts any domain from the Internet and looks the address up as it is', () => {
    const config = routingConfig({ rerouteIncoming: false, routes: Q307628_ROUTES });
    const result = resolveWith(config, [administrator(), bob('smtp:bob@anything.example')], 'bob@anything.example');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'bob@anything.example', recipientId: BOB_ID, replyAddress: 'bob@adatum.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'ims.accept', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'ims.accept').object).toEqual({ kind: 'internet-mail-service', tab: 'routing' });
  });

  it('ignores the routing table: no rewrite, so administrator@cpandl.net is unknown', () => {
    const config = routingConfig({ rerouteIncoming: false, routes: Q307628_ROUTES });
    const result = resolveWith(config, [administrator()], 'administrator@cpandl.net');
    expect(landing(result)).toMatchObject({ verdict: 'ndr', finalAddress: 'administrator@cpandl.net', ndr: '5.1.1' });
    expect(result.ndr?.diagnostic).toBe(IMS_DIAGNOSTIC);
    expect(rules(result)).not.toContain('reroute.rewrite');
  });

  it('never refuses relaying', () => {
    const result = resolveWith(routingConfig(), [administrator()], 'someone@chelsea.com');
    expect(result.verdict).toBe('ndr');
  });
});

// -----------------------------------------------------------------------------------------------
// The directory: kinds of recipient, ambiguity.

describe('custom recipients', () => {
  it('forwards to an SMTP target out through the IMS', () => {
    const partner = customRecipient(5, 'Partner Contact', 'SMTP:cust@partner.example', ['SMTP:partner@adatum.com', 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Partner;']);
    const result = resolveWith(routingConfig(), [administrator(), partner], 'partner@adatum.com');
    expect(landing(result)).toEqual({ verdict: 'forwarded', finalAddress: 'cust@partner.example', recipientId: 5, replyAddress: 'partner@adatum.com', ndr: null });
    expect(result.recipient?.kind).toBe('custom');
    expect(rules(result)).toEqual(['sender', 'dns.mx', 'ims.accept', 'directory.match', 'forward.custom']);
    expect(stepOf(result.steps, 'forward.custom').detail).toContain('out through the Internet Mail Service');
    expect(result.summary).toBe('Forwarded to cust@partner.example (custom recipient Partner Contact)');
  });

  it('forwards to an MS target through the MS Mail Connector, whatever address found it', () => {
    const john = customRecipient(6, 'John Fin', 'MS:FINNET/PO1/JOHN', ['SMTP:john@adatum.com', 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Fin;g=John;']);
    const bySmtp = resolveWith(routingConfig(), [john], 'john@adatum.com', 'exchange');
    expect(landing(bySmtp)).toEqual({ verdict: 'forwarded', finalAddress: 'MS:FINNET/PO1/JOHN', recipientId: 6, replyAddress: 'john@adatum.com', ndr: null });
    expect(stepOf(bySmtp.steps, 'forward.custom').detail).toContain('through the MS Mail Connector');
    const byX400 = resolveWith(routingConfig(), [john], 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Fin;g=John;', 'exchange');
    expect(landing(byX400)).toEqual({ verdict: 'forwarded', finalAddress: 'MS:FINNET/PO1/JOHN', recipientId: 6, replyAddress: 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Fin;g=John;', ndr: null });
  });

  it('reached through a rewrite', () => {
    const partner = customRecipient(5, 'Partner', 'SMTP:cust@partner.example', ['SMTP:partner@adatum.com']);
    const result = resolveWith(routingConfig(rerouting(...Q307628_ROUTES)), [partner], 'partner@cpandl.net');
    expect(landing(result)).toMatchObject({ verdict: 'forwarded', finalAddress: 'cust@partner.example', recipientId: 5 });
  });
});

describe('distribution lists', () => {
  const partner = () => customRecipient(5, 'Partner', 'SMTP:cust@partner.example', ['SMTP:partner@adatum.com']);

  it('expands a list to its members, each with where its copy goes', () => {
    const all = distributionList(10, 'All', [ADMIN_ID, BOB_ID, 5], ['SMTP:all@adatum.com', 'smtp:everyone@domain2.com']);
    const result = resolveWith(routingConfig(rerouting(route('domain2.com'))), [administrator(), bob(), partner(), all], 'everyone@domain2.com');
    expect(landing(result)).toEqual({ verdict: 'expanded', finalAddress: 'everyone@domain2.com', recipientId: 10, replyAddress: 'all@adatum.com', ndr: null });
    expect(result.summary).toBe('Expanded: distribution list All, 3 members');
    expect(result.members?.map((m) => [m.recipient.id, m.verdict, m.finalAddress])).toEqual([
      [ADMIN_ID, 'delivered', 'administrator@adatum.com'],
      [BOB_ID, 'delivered', 'bob@adatum.com'],
      [5, 'forwarded', 'cust@partner.example'],
    ]);
    expect(rules(result).slice(-2)).toEqual(['directory.match', 'expand.list']);
  });

  it('expands nested lists, once each; a member reached twice gets one copy; a list that contains itself is expanded once', () => {
    const sales = distributionList(11, 'Sales', [BOB_ID, 5, 11], ['SMTP:sales@adatum.com']);
    const all = distributionList(10, 'All', [ADMIN_ID, BOB_ID, 11], ['SMTP:all@adatum.com']);
    const result = resolveWith(routingConfig(), [administrator(), bob(), partner(), sales, all], 'all@adatum.com', 'exchange');
    expect(result.verdict).toBe('expanded');
    const [admin, bobMember, salesMember] = result.members!;
    expect([admin.recipient.id, admin.verdict, admin.finalAddress]).toEqual([ADMIN_ID, 'delivered', 'administrator@adatum.com']);
    expect([bobMember.recipient.id, bobMember.verdict, bobMember.finalAddress]).toEqual([BOB_ID, 'delivered', 'bob@adatum.com']);
    expect([salesMember.recipient.id, salesMember.verdict, salesMember.finalAddress]).toEqual([11, 'expanded', null]);
    expect(salesMember.members?.map((m) => [m.recipient.id, m.verdict, m.finalAddress, m.note ?? null])).toEqual([
      [BOB_ID, 'delivered', null, 'Already reached through another list; Exchange delivers one copy.'],
      [5, 'forwarded', 'cust@partner.example', null],
      [11, 'expanded', null, 'The list contains itself; it is expanded once.'],
    ]);
  });

  it('expands a list that contains itself directly', () => {
    const loop = distributionList(12, 'Loop', [12, ADMIN_ID], ['SMTP:loop@adatum.com']);
    const result = resolveWith(routingConfig(), [administrator(), loop], 'loop@adatum.com');
    expect(result.members?.map((m) => [m.recipient.id, m.finalAddress, m.note ?? null])).toEqual([
      [12, null, 'The list contains itself; it is expanded once.'],
      [ADMIN_ID, 'administrator@adatum.com', null],
    ]);
  });

  it('expands two lists that contain each other without going round', () => {
    const a = distributionList(20, 'A', [21, BOB_ID], ['SMTP:a@adatum.com']);
    const b = distributionList(21, 'B', [20, BOB_ID], ['SMTP:b@adatum.com']);
    const result = resolveWith(routingConfig(), [bob(), a, b], 'a@adatum.com');
    expect(result.members?.map((m) => m.recipient.id)).toEqual([21, BOB_ID]);
    expect(result.members?.[0].members?.map((m) => [m.recipient.id, m.note ?? null])).toEqual([
      [20, 'Already reached through another list; Exchange delivers one copy.'],
      [BOB_ID, null],
    ]);
    expect(result.members?.[1].note).toBe('Already reached through another list; Exchange delivers one copy.');
  });

  it('expands an empty list to nobody', () => {
    const empty = distributionList(13, 'Empty', [], ['SMTP:empty@adatum.com']);
    const result = resolveWith(routingConfig(), [empty], 'empty@adatum.com');
    expect(landing(result)).toMatchObject({ verdict: 'expanded', recipientId: 13 });
    expect(result.members).toEqual([]);
    expect(result.summary).toBe('Expanded: distribution list Empty, 0 members');
    expect(stepOf(result.steps, 'expand.list').detail).toContain('no members: nobody gets the message');
  });

  it('leaves out a member id the directory does not hold', () => {
    const list = distributionList(14, 'Stale', [99, BOB_ID], ['SMTP:stale@adatum.com']);
    expect(resolveWith(routingConfig(), [bob(), list], 'stale@adatum.com').members?.map((m) => m.recipient.id)).toEqual([BOB_ID]);
  });
});

describe('ambiguous duplicates (000C0595)', () => {
  it('returns NDR 5.1.4 when two recipients hold the same SMTP address, naming both', () => {
    const result = resolveWith(routingConfig(), [administrator('smtp:shared@adatum.com'), bob('smtp:SHARED@adatum.com')], 'shared@adatum.com');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'shared@adatum.com', recipientId: null, replyAddress: null, ndr: '5.1.4' });
    expect(result.ndr).toEqual({ code: '5.1.4', text: 'The recipient name is ambiguous', diagnostic: '(000C0595) Ambiguous Recipient' });
    expect(stepOf(result.steps, 'directory.ambiguous').detail).toContain('2 recipients hold shared@adatum.com: Administrator, Bob Kelly');
  });

  it('wins over the postmaster rule, and applies to MS addresses', () => {
    expect(resolveWith(routingConfig(), [administrator('smtp:postmaster@adatum.com'), bob('smtp:postmaster@adatum.com')], 'postmaster@adatum.com').ndr?.code).toBe('5.1.4');
    const ms = resolveWith(routingConfig(), [administrator('ms:ADATUM/REDMOND/X'), bob('ms:adatum/redmond/x')], 'MS:ADATUM/REDMOND/X', 'exchange');
    expect(landing(ms)).toMatchObject({ verdict: 'ndr', ndr: '5.1.4', finalAddress: 'MS:ADATUM/REDMOND/X' });
  });
});

// -----------------------------------------------------------------------------------------------
// Every origin × address type.

describe('origin internet', () => {
  const config = routingConfig({ postoffices: POSTOFFICES });

  it('routes SMTP, with a DNS step that says it is not checked', () => {
    const result = resolveWith(config, [bob()], 'bob@adatum.com');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', recipientId: BOB_ID });
    expect(stepOf(result.steps, 'dns.mx')).toMatchObject({ stage: 'dns', title: 'DNS: not checked', object: { kind: 'internet-mail-service', tab: 'general' } });
    expect(stepOf(result.steps, 'dns.mx').detail).toContain('mail.adatum.com');
  });

  it('accepts an SMTP: prefix', () => {
    expect(resolveWith(config, [bob()], 'SMTP:bob@adatum.com').recipient?.id).toBe(BOB_ID);
    expect(resolveWith(config, [bob()], 'smtp:bob@adatum.com').address).toBe('bob@adatum.com');
  });

  it('refuses MS, X400 and other types with field origin: an Internet sender can only address SMTP', () => {
    for (const address of ['MS:ADATUM/REDMOND/BOB', 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Kelly;g=Bob;', 'NOTES:Bob/Adatum']) {
      expect(refusal(config, [bob()], address, 'internet'), address).toMatchObject({ field: 'origin', message: expect.stringContaining('A sender on the Internet can only address SMTP mail') });
    }
  });
});

describe('origin exchange', () => {
  const config = routingConfig({ postoffices: POSTOFFICES });
  const dir = () => [administrator(), bob('smtp:bob@partner.example', 'NOTES:Bob/Adatum')];

  it('SMTP in the site domain: directory lookup, no DNS step, no relay check', () => {
    const result = resolveWith(config, dir(), 'bob@adatum.com', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'bob@adatum.com', recipientId: BOB_ID, replyAddress: 'bob@adatum.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'reroute.inbound').object).toMatchObject({ implicit: true });
  });

  it('SMTP in the site domain that nobody holds: NDR 5.1.1 without the IMS diagnostic', () => {
    const result = resolveWith(config, dir(), 'nobody@adatum.com', 'exchange');
    expect(result.ndr).toEqual({ code: '5.1.1', text: UNKNOWN });
  });

  it('SMTP in a domain the routing table matches: rewrites included', () => {
    const result = resolveWith(routingConfig(rerouting(...Q307628_ROUTES)), dir(), 'administrator@cpandl.org', 'exchange');
    expect(landing(result)).toMatchObject({ verdict: 'delivered', finalAddress: 'administrator@adatum.com', recipientId: ADMIN_ID });
    expect(rules(result)).toEqual(['sender', 'reroute.rewrite', 'reroute.inbound', 'directory.match', 'deliver.mailbox']);
  });

  it('SMTP elsewhere that nobody holds: sent to the Internet', () => {
    for (const options of [{}, rerouting(...Q307628_ROUTES)]) {
      const result = resolveWith(routingConfig(options), dir(), 'someone@fabrikam.example', 'exchange');
      expect(landing(result)).toEqual({ verdict: 'sent-to-internet', finalAddress: 'someone@fabrikam.example', recipientId: null, replyAddress: null, ndr: null });
      expect(rules(result)).toEqual(['sender', 'exchange.outbound']);
      expect(result.summary).toBe('Sent to the Internet: someone@fabrikam.example');
    }
  });

  it('SMTP elsewhere that a recipient holds, rerouting off: out and back in through DNS, delivered', () => {
    const result = resolveWith(config, dir(), 'bob@partner.example', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'bob@partner.example', recipientId: BOB_ID, replyAddress: 'bob@adatum.com', ndr: null });
    expect(rules(result)).toEqual(['sender', 'exchange.outbound', 'exchange.loopback', 'ims.accept', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'exchange.loopback')).toMatchObject({ stage: 'dns', detail: expect.stringContaining('depends on DNS') });
  });

  it('SMTP elsewhere that a recipient holds, rerouting on without an entry: back in, it is refused as relaying', () => {
    // ROUTING.md says "comes back in ... and is delivered"; coming back it is Internet mail, and with
    // rerouting on an unmatched domain is refused (step 2). The resolver follows step 2.
    const result = resolveWith(routingConfig(rerouting(route('domain2.com'))), dir(), 'bob@partner.example', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'rejected', finalAddress: 'bob@partner.example', recipientId: null, replyAddress: null, ndr: '5.7.1' });
    expect(rules(result)).toEqual(['sender', 'exchange.outbound', 'exchange.loopback', 'reroute.relay']);
  });

  it('SMTP to a subdomain of the site domain counts as the site domain (the implicit entry matches subdomains)', () => {
    // ROUTING.md says "the site SMTP domain"; the resolver's implicit entry is a plain (suffix) entry.
    const result = resolveWith(config, dir(), 'bob@internal.adatum.com', 'exchange');
    expect(landing(result)).toMatchObject({ verdict: 'ndr', ndr: '5.1.1' });
    expect(rules(result)).toEqual(['sender', 'reroute.inbound', 'directory.unknown']);
  });

  it('MS on the connector’s own postoffice: directory lookup, case-insensitive', () => {
    const result = resolveWith(config, dir(), 'ms:adatum/redmond/bob', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'MS:adatum/redmond/bob', recipientId: BOB_ID, replyAddress: 'MS:ADATUM/REDMOND/BOB', ndr: null });
    expect(rules(result)).toEqual(['sender', 'msmail.own-postoffice', 'directory.match', 'deliver.mailbox']);
  });

  it('MS on the own postoffice that nobody holds: NDR 5.1.1', () => {
    const result = resolveWith(config, dir(), 'MS:ADATUM/REDMOND/NOBODY', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'MS:ADATUM/REDMOND/NOBODY', recipientId: null, replyAddress: null, ndr: '5.1.1' });
    expect(result.ndr?.diagnostic).toBeUndefined();
  });

  it('MS on a real MS Mail postoffice: forwarded through the connector', () => {
    const result = resolveWith(config, dir(), 'MS:finnet/po1/john', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'forwarded', finalAddress: 'MS:finnet/po1/john', recipientId: null, replyAddress: null, ndr: null });
    expect(stepOf(result.steps, 'msmail.direct')).toMatchObject({ stage: 'connector', object: { kind: 'postoffice', network: 'FINNET', postoffice: 'PO1', connection: 'direct' } });
  });

  it('MS on a postoffice indirect via the connector: NDR (Q156545)', () => {
    expect(landing(resolveWith(config, dir(), 'MS:OLDNET/OLDPO/ANYONE', 'exchange'))).toMatchObject({ verdict: 'ndr', ndr: '5.4.4', recipientId: null });
  });

  it('MS on an unknown postoffice: NDR 5.4.4, no route', () => {
    const result = resolveWith(config, dir(), 'MS:NONET/NOPO/BOB', 'exchange');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'MS:NONET/NOPO/BOB', recipientId: null, replyAddress: null, ndr: '5.4.4' });
    expect(result.ndr?.text).toBe('No route to NONET/NOPO');
    expect(rules(result)).toEqual(['sender', 'msmail.unknown']);
  });

  it('X400 held by a recipient: delivered; not held: NDR 5.1.1', () => {
    const found = resolveWith(config, dir(), 'X400:C=us;a= ;p=adatum;o=redmond;s=kelly;g=bob;', 'exchange');
    expect(landing(found)).toEqual({
      verdict: 'delivered',
      finalAddress: 'X400:C=us;a= ;p=adatum;o=redmond;s=kelly;g=bob;',
      recipientId: BOB_ID,
      replyAddress: 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Kelly;g=Bob;',
      ndr: null,
    });
    const missing = resolveWith(config, dir(), 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Nobody;', 'exchange');
    expect(landing(missing)).toEqual({ verdict: 'ndr', finalAddress: 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Nobody;', recipientId: null, replyAddress: null, ndr: '5.1.1' });
    expect(rules(missing)).toEqual(['sender', 'directory.unknown']);
  });

  it('another type: directory lookup; not held: NDR 5.4.4 (no gateway)', () => {
    const found = resolveWith(config, dir(), 'NOTES:Bob/Adatum', 'exchange');
    expect(landing(found)).toMatchObject({ verdict: 'delivered', recipientId: BOB_ID, finalAddress: 'NOTES:Bob/Adatum', replyAddress: 'NOTES:Bob/Adatum' });
    const missing = resolveWith(config, dir(), 'NOTES:bob/adatum', 'exchange');
    expect(landing(missing)).toMatchObject({ verdict: 'ndr', ndr: '5.4.4', recipientId: null });
    expect(missing.ndr?.text).toBe('No route for NOTES addresses');
  });
});

describe('origin msmail', () => {
  const config = routingConfig({ postoffices: POSTOFFICES });
  const dir = () => [administrator(), bob('ms:OLDNET/OLDPO/BOB')];

  it('MS on the connector postoffice: MS Mail hands it to Exchange, directory lookup', () => {
    const result = resolveWith(config, dir(), 'MS:ADATUM/REDMOND/BOB', 'msmail');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'MS:ADATUM/REDMOND/BOB', recipientId: BOB_ID, replyAddress: 'MS:ADATUM/REDMOND/BOB', ndr: null });
    expect(rules(result)).toEqual(['sender', 'msmail.own-postoffice', 'directory.match', 'deliver.mailbox']);
    expect(stepOf(result.steps, 'msmail.own-postoffice').stage).toBe('msmail');
  });

  it('MS on the own postoffice nobody holds: NDR 5.1.1', () => {
    expect(landing(resolveWith(config, dir(), 'MS:ADATUM/REDMOND/NOBODY', 'msmail'))).toMatchObject({ verdict: 'ndr', ndr: '5.1.1' });
  });

  it('MS on an indirect postoffice: delivered through Exchange (Q156545)', () => {
    expect(landing(resolveWith(config, dir(), 'ms:oldnet/oldpo/bob', 'msmail'))).toMatchObject({ verdict: 'delivered', recipientId: BOB_ID });
  });

  it('MS on a real MS Mail postoffice: delivered there, outside Exchange, with no recipient', () => {
    const result = resolveWith(config, dir(), 'MS:FINNET/PO1/JOHN', 'msmail');
    expect(landing(result)).toEqual({ verdict: 'delivered', finalAddress: 'MS:FINNET/PO1/JOHN', recipientId: null, replyAddress: null, ndr: null });
    expect(result.summary).toBe('Delivered on the MS Mail postoffice FINNET/PO1, outside Exchange');
    expect(rules(result)).toEqual(['sender', 'msmail.direct']);
  });

  it('MS on an unknown postoffice: MS Mail cannot route it, NDR', () => {
    const result = resolveWith(config, dir(), 'MS:NONET/NOPO/BOB', 'msmail');
    expect(landing(result)).toEqual({ verdict: 'ndr', finalAddress: 'MS:NONET/NOPO/BOB', recipientId: null, replyAddress: null, ndr: '5.4.4' });
    expect(result.ndr?.text).toBe('MS Mail cannot route to NONET/NOPO');
    expect(stepOf(result.steps, 'msmail.unknown').stage).toBe('msmail');
  });

  it('SMTP, X400 and other types are outside the model: refused with field origin, not guessed', () => {
    for (const address of ['bob@adatum.com', 'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Kelly;g=Bob;', 'NOTES:Bob/Adatum']) {
      expect(refusal(config, dir(), address, 'msmail'), address).toMatchObject({ field: 'origin', message: expect.stringContaining('outside what the preview models') });
    }
  });
});

describe('input the resolver refuses', () => {
  const config = routingConfig();

  it('refuses an unknown origin', () => {
    expect(refusal(config, [], 'bob@adatum.com', 'fax')).toEqual({ field: 'origin', message: 'The origin must be one of internet, exchange, msmail.' });
  });

  it('refuses malformed addresses with field address, from every origin', () => {
    const cases: [string, RegExp][] = [
      ['', /^Type an address/],
      ['   ', /^Type an address/],
      [`${'a'.repeat(1020)}@adatum.com`, /^The address is 1031 characters long; the limit is 1024\.$/],
      ['bob@sea..com', /empty label/],
      ['bob@adatum', /must be fully qualified/],
      ['bob@bad_domain.com', /may only contain letters, digits and inner hyphens/],
      [`${'a'.repeat(65)}@adatum.com`, /the limit is 64/],
      ['ADATUM/REDMOND/BOB', /has no type: write a Microsoft Mail address as MS:ADATUM\/REDMOND\/BOB\./],
      ['bob', /is not an Internet address/],
      ['MS:ADATUM/BOB', /NETWORK\/POSTOFFICE\/MAILBOX/],
      ['MS:ADATUM/REDMOND/TOOLONGNAME1', /must be 1–10 letters or digits/],
      ['X400:c=USA;a= ;', /country/],
      ['SMTP:', /The address is empty/],
    ];
    for (const origin of ['internet', 'exchange', 'msmail']) {
      for (const [address, message] of cases) {
        const r = refusal(config, [], address, origin);
        expect(r, `${origin}: ${address.slice(0, 30)}`).toMatchObject({ field: 'address', message: expect.stringMatching(message) });
      }
    }
  });
});

describe('parseRoutingAddress, displayAddress, postofficeKey', () => {
  it('reads a bare x@y as SMTP and a prefix as the type', () => {
    expect(parseRoutingAddress(' bob@adatum.com ')).toEqual({ ok: true, type: 'SMTP', address: 'bob@adatum.com' });
    expect(parseRoutingAddress('smtp:bob@adatum.com')).toEqual({ ok: true, type: 'SMTP', address: 'bob@adatum.com' });
    expect(parseRoutingAddress('ms:OLDNET/OLDPO/BOB')).toEqual({ ok: true, type: 'MS', address: 'OLDNET/OLDPO/BOB' });
    expect(parseRoutingAddress('X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;')).toEqual({ ok: true, type: 'X400', address: 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;' });
  });

  it('does not take a quoted local part with a colon for a type prefix', () => {
    expect(parseRoutingAddress('"a:b"@adatum.com')).toEqual({ ok: true, type: 'SMTP', address: '"a:b"@adatum.com' });
  });

  it('has a length limit of MAX_ADDRESS_LENGTH', () => {
    expect(MAX_ADDRESS_LENGTH).toBe(1024);
  });

  it('shows SMTP bare and other types with their prefix', () => {
    expect(displayAddress('SMTP', 'bob@adatum.com')).toBe('bob@adatum.com');
    expect(displayAddress('MS', 'ADATUM/REDMOND/BOB')).toBe('MS:ADATUM/REDMOND/BOB');
  });

  it('keys postoffices in upper case', () => {
    expect(postofficeKey('oldnet', 'OldPo')).toBe('OLDNET/OLDPO');
  });
});

describe('compileRouting', () => {
  it('uses the routing table only with rerouting on, and always knows the site domain', () => {
    const on = compileRouting(routingConfig(rerouting(route('domain2.com'))));
    expect(on.table.entries.map((e) => e.sentTo).sort()).toEqual(['adatum.com', 'domain2.com']);
    const off = compileRouting(routingConfig({ rerouteIncoming: false, routes: [route('domain2.com')] }));
    expect(off.table.entries.map((e) => e.sentTo)).toEqual(['adatum.com']);
    expect(off.siteTable.entries.map((e) => e.sentTo)).toEqual(['adatum.com']);
    expect(off.siteDomain).toBe('adatum.com');
    expect(off.ownPostoffice).toBe('ADATUM/REDMOND');
    expect(off.server).toBe('MAIL');
  });

  it('without a site SMTP domain: no postmaster rule, and the Internet is refused with rerouting on', () => {
    const config = routingConfig({ ...rerouting(route('domain2.com')), siteSmtpDomain: null });
    expect(landing(resolveWith(config, [administrator()], 'postmaster@adatum.com'))).toMatchObject({ verdict: 'rejected', ndr: '5.7.1' });
    const off = routingConfig({ siteSmtpDomain: null });
    expect(landing(resolveWith(off, [administrator()], 'postmaster@adatum.com'))).toMatchObject({ verdict: 'ndr', ndr: '5.1.1' });
    expect(landing(resolveWith(off, [administrator()], 'administrator@adatum.com', 'exchange'))).toMatchObject({ verdict: 'delivered', recipientId: ADMIN_ID });
  });
});
