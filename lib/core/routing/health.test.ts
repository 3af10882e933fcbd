import { describe, expect, it } from 'vitest';
import { buildDirectory } from './directory';
import { checkRoutingHealth, type HealthProblem, type HealthProblemCode } from './health';
import { compileRouting } from './resolve';
import {
  ADMIN_ID,
  BOB_ID,
  POSTOFFICES,
  Q307628_ROUTES,
  administrator,
  bob,
  mailbox,
  rerouting,
  route,
  routingConfig,
  type ConfigOptions,
} from './test-fixtures';
import type { DirectoryRecipient } from './types';

function health(options: ConfigOptions, recipients: DirectoryRecipient[]): HealthProblem[] {
  return checkRoutingHealth(compileRouting(routingConfig(options)), buildDirectory(recipients));
}

const codes = (problems: HealthProblem[]) => problems.map((p) => p.code);
const only = (problems: HealthProblem[], code: HealthProblemCode) => problems.filter((p) => p.code === code);

describe('checkRoutingHealth', () => {
  it('finds nothing wrong with a healthy Q307628 + Q174351 + Q156545 configuration', () => {
    const options = { ...rerouting(...Q307628_ROUTES, route('domain2.com')), postoffices: POSTOFFICES };
    const recipients = [administrator('smtp:postmaster@domain2.com'), bob('smtp:bob@domain2.com', 'ms:OLDNET/OLDPO/BOB')];
    expect(health(options, recipients)).toEqual([]);
  });

  it('finds nothing wrong with a new organisation (rerouting off, only the site domain)', () => {
    expect(health({}, [administrator(), bob()])).toEqual([]);
  });

  describe('no-administrator (Q242387)', () => {
    it("appears when the IMS has no administrator's mailbox, or it no longer exists", () => {
      for (const administratorId of [null, 99]) {
        const problems = health({ administratorId }, [administrator(), bob()]);
        expect(codes(problems), String(administratorId)).toEqual(['no-administrator']);
        expect(problems[0]).toMatchObject({ severity: 'error', article: 'Q242387', object: { kind: 'internet-mail-service', tab: 'internet-mail' } });
      }
    });

    it('disappears once the administrator is set', () => {
      expect(codes(health({ administratorId: BOB_ID }, [administrator(), bob()]))).toEqual([]);
    });
  });

  describe('address-rewritten (Q307628)', () => {
    it('appears when a secondary address is in a domain the table rewrites, and goes when the domain is inbound', () => {
      const holders = [administrator(), bob('smtp:robert@cpandl.net')];
      const problems = only(health(rerouting(...Q307628_ROUTES), holders), 'address-rewritten');
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        severity: 'warning',
        count: 1,
        examples: [{ recipientId: BOB_ID, address: 'robert@cpandl.net' }],
        object: { kind: 'routing-entry', sentTo: 'cpandl.net', routeTo: 'adatum.com' },
      });
      const fixed = rerouting(...Q307628_ROUTES.filter((r) => r.sentTo !== 'cpandl.net'), route('cpandl.net'));
      expect(codes(health(fixed, holders))).not.toContain('address-rewritten');
    });
  });

  describe('address-not-accepted (Q174351)', () => {
    const recipients = () => [
      administrator('smtp:postmaster@domain2.com', 'smtp:postmaster@partner.example'),
      bob('smtp:bob@domain2.com', 'smtp:kelly@Domain2.com'),
      mailbox(3, 'Carol', ['SMTP:carol@adatum.com', 'smtp:carol@domain2.com', 'smtp:carol@partner.example']),
    ];

    it('appears per domain when rerouting is on and secondary addresses are in a domain the table does not accept', () => {
      const problems = health(rerouting(route('partner.example')), recipients());
      expect(codes(problems)).toEqual(['address-not-accepted']);
      expect(problems[0]).toMatchObject({
        severity: 'error',
        article: 'Q174351',
        count: 4,
        message: expect.stringContaining('4 secondary SMTP addresses are in domain2.com'),
        object: { kind: 'internet-mail-service', tab: 'routing' },
      });
      expect(problems[0].examples).toEqual([
        { recipientId: ADMIN_ID, displayName: 'Administrator', address: 'postmaster@domain2.com' },
        { recipientId: BOB_ID, displayName: 'Bob Kelly', address: 'bob@domain2.com' },
        { recipientId: BOB_ID, displayName: 'Bob Kelly', address: 'kelly@Domain2.com' },
      ]);
    });

    it('disappears when the domain is added as inbound, or rewritten to an inbound domain', () => {
      expect(codes(health(rerouting(route('partner.example'), route('domain2.com')), recipients()))).toEqual([]);
      // Rewritten, the mail is accepted, but the secondary addresses themselves are never matched.
      expect(codes(health(rerouting(route('partner.example'), route('domain2.com', 'adatum.com')), recipients()))).toEqual(['address-rewritten']);
    });

    it('is not reported with rerouting off: the IMS accepts every domain', () => {
      expect(codes(health({}, recipients()))).toEqual([]);
    });

    it('counts secondary addresses only, and the site domain and its subdomains are accepted', () => {
      const r = [administrator(), mailbox(3, 'Dave', ['SMTP:dave@elsewhere.example', 'smtp:dave@sub.adatum.com'])];
      expect(codes(health(rerouting(), r))).toEqual([]);
    });
  });

  describe('postmaster-missing (Q242387)', () => {
    it('appears for a hosted domain nobody holds postmaster of, and disappears when someone does', () => {
      const before = health(rerouting(route('domain2.com')), [administrator(), bob('smtp:bob@domain2.com')]);
      expect(codes(before)).toEqual(['postmaster-missing']);
      expect(before[0]).toMatchObject({
        severity: 'warning',
        article: 'Q242387',
        message: expect.stringContaining('No recipient holds postmaster@domain2.com'),
        object: { kind: 'recipient', recipientId: ADMIN_ID },
      });
      expect(codes(health(rerouting(route('domain2.com')), [administrator(), bob('smtp:bob@domain2.com', 'smtp:postmaster@domain2.com')]))).toEqual([]);
    });

    it('is reported for a # entry by its domain', () => {
      const problems = health(rerouting(route('#microsoft.com')), [administrator()]);
      expect(only(problems, 'postmaster-missing').map((p) => p.message)).toEqual([expect.stringContaining('postmaster@microsoft.com')]);
    });

    it('is not reported for the site domain, nor for domains rewritten to it', () => {
      expect(codes(health(rerouting(...Q307628_ROUTES), [administrator()]))).toEqual([]);
    });

    it('with rerouting off, is reported for the domains of secondary addresses', () => {
      const problems = health({}, [administrator(), bob('smtp:bob@domain2.com')]);
      expect(codes(problems)).toEqual(['postmaster-missing']);
      expect(codes(health({}, [administrator('smtp:postmaster@domain2.com'), bob('smtp:bob@domain2.com')]))).toEqual([]);
    });

    it('points at the IMS when there is no administrator to add the address to', () => {
      const problems = health({ ...rerouting(route('domain2.com')), administratorId: null }, [bob()]);
      expect(codes(problems)).toEqual(['no-administrator', 'postmaster-missing']);
      expect(only(problems, 'postmaster-missing')[0].object).toEqual({ kind: 'internet-mail-service', tab: 'internet-mail' });
    });
  });

  describe('reroute-not-inbound (Q307628)', () => {
    it('appears for an entry rewritten to a domain the table does not accept, naming where the chain ends', () => {
      const problems = health(rerouting(route('cpandl.net', 'contoso.com')), [administrator()]);
      expect(codes(problems)).toEqual(['reroute-not-inbound']);
      expect(problems[0]).toMatchObject({
        severity: 'error',
        article: 'Q307628',
        object: { kind: 'routing-entry', sentTo: 'cpandl.net', routeTo: 'contoso.com', implicit: false },
        message: expect.stringContaining('cpandl.net is rerouted to contoso.com, which the routing table does not accept as inbound:'),
      });
      const chain = health(rerouting(route('a.com', 'b.com'), route('b.com', 'c.com')), [administrator()]);
      expect(only(chain, 'reroute-not-inbound').map((p) => p.message)).toEqual([
        expect.stringContaining('a.com is rerouted to b.com, which the routing table does not accept as inbound (it ends at c.com)'),
        expect.stringContaining('b.com is rerouted to c.com, which the routing table does not accept as inbound:'),
      ]);
    });

    it('disappears once the target is inbound', () => {
      expect(codes(health(rerouting(route('cpandl.net', 'contoso.com'), route('contoso.com')), [administrator('smtp:postmaster@contoso.com')]))).toEqual([]);
    });

    it('is not reported with rerouting off', () => {
      expect(codes(health({ rerouteIncoming: false, routes: [route('cpandl.net', 'contoso.com')] }, [administrator()]))).toEqual([]);
    });
  });

  describe('rewrite-loop', () => {
    it('appears once per loop, naming it, and disappears after the fix', () => {
      const problems = health(rerouting(route('a.com', 'b.com'), route('b.com', 'a.com'), route('z.com', 'z.com')), [administrator()]);
      expect(codes(problems)).toEqual(['rewrite-loop', 'rewrite-loop']);
      expect(problems[0]).toMatchObject({
        severity: 'error',
        message: expect.stringContaining('a.com → b.com → a.com'),
        object: { kind: 'routing-entry', sentTo: 'a.com', routeTo: 'b.com', implicit: false },
      });
      expect(problems[1].message).toContain('z.com → z.com');
      expect(codes(health(rerouting(route('a.com', 'b.com'), route('b.com', 'adatum.com'), route('z.com', 'adatum.com')), [administrator()]))).toEqual([]);
    });

    it('is not reported with rerouting off', () => {
      expect(codes(health({ rerouteIncoming: false, routes: [route('a.com', 'a.com')] }, [administrator()]))).toEqual([]);
    });
  });

  describe('indirect-postoffice-unused (Q156545)', () => {
    it('appears for an indirect postoffice no recipient has an MS address on, and disappears once one does', () => {
      const problems = health({ postoffices: POSTOFFICES }, [administrator(), bob()]);
      expect(codes(problems)).toEqual(['indirect-postoffice-unused']);
      expect(problems[0]).toMatchObject({
        severity: 'warning',
        article: 'Q156545',
        object: { kind: 'postoffice', network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' },
      });
      expect(codes(health({ postoffices: POSTOFFICES }, [administrator(), bob('ms:oldnet/oldpo/bob')]))).toEqual([]);
    });

    it('is not reported for a direct postoffice', () => {
      expect(codes(health({ postoffices: [{ network: 'FINNET', postoffice: 'PO1', connection: 'direct' }] }, [administrator()]))).toEqual([]);
    });
  });

  it('reports several problems together, errors and warnings', () => {
    const options = { ...rerouting(route('domain2.com'), route('a.com', 'a.com'), route('x.com', 'y.com')), administratorId: null, postoffices: POSTOFFICES };
    const problems = health(options, [bob('smtp:bob@partner.example')]);
    expect(codes(problems).sort()).toEqual(['address-not-accepted', 'indirect-postoffice-unused', 'no-administrator', 'postmaster-missing', 'reroute-not-inbound', 'rewrite-loop']);
  });
});
