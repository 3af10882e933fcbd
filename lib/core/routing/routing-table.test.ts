import { describe, expect, it } from 'vitest';
import {
  checkDomainName,
  checkRouteEntry,
  checkRoutingTable,
  compileRoutingTable,
  describeLoop,
  domainKey,
  findRewriteLoops,
  matchDomain,
  normalizeSentTo,
  routeDomain,
  sentToKey,
  type CompiledTable,
} from './routing-table';
import { Q307628_ROUTES, route } from './test-fixtures';
import type { RouteEntry } from './types';

const verdict = (check: { ok: true } | { ok: false; message: string }) => (check.ok ? 'ok' : check.message);

/** What an address domain lands on: `inbound via X`, `rewrite via X`, or `none`. */
function hit(table: CompiledTable, domain: string): string {
  const entry = matchDomain(table, domainKey(domain));
  return entry ? `${entry.sentTo} → ${entry.routeTo}` : 'none';
}

describe('domainKey, normalizeSentTo, sentToKey', () => {
  it('compares domains in ASCII lower case, without a trailing dot', () => {
    expect(domainKey('ADATUM.Com')).toBe('adatum.com');
    expect(domainKey('adatum.com.')).toBe('adatum.com');
    expect(domainKey('exämple.com')).toBe('xn--exmple-cua.com');
    expect(domainKey('EXÄMPLE.COM')).toBe('xn--exmple-cua.com');
    expect(domainKey('XN--EXMPLE-CUA.com')).toBe('xn--exmple-cua.com');
  });

  it('keeps # in front and lower-cases a Sent to value, leaving an IDN as typed', () => {
    expect(normalizeSentTo('  Sea.COM ')).toBe('sea.com');
    expect(normalizeSentTo('# Sea.com')).toBe('#sea.com');
    expect(normalizeSentTo('Exämple.com')).toBe('exämple.com');
  });

  it('makes #sea.com and sea.com different keys, and an IDN equal to its ASCII form', () => {
    expect(sentToKey('#Sea.com')).toBe('#sea.com');
    expect(sentToKey('sea.com')).toBe('sea.com');
    expect(sentToKey('exämple.com')).toBe(sentToKey('xn--exmple-cua.com'));
    expect(sentToKey('#exämple.com')).toBe('#xn--exmple-cua.com');
  });
});

describe('checkDomainName', () => {
  it('accepts plain, single-label and IDN domains', () => {
    for (const d of ['adatum.com', 'example.microsoft.com', 'com', 'exämple.com', 'a-b.example', 'xn--exmple-cua.com']) {
      expect(verdict(checkDomainName(d)), d).toBe('ok');
    }
  });

  it('refuses empty, spaced, addresses, empty labels and bad characters, naming the field', () => {
    expect(verdict(checkDomainName('  ', 'The domain'))).toBe('The domain is empty.');
    expect(verdict(checkDomainName('sea com'))).toBe("The domain 'sea com' must not contain spaces.");
    expect(verdict(checkDomainName('bob@sea.com'))).toMatch(/is a domain, not an address/);
    expect(verdict(checkDomainName('sea..com'))).toMatch(/has an empty label/);
    expect(verdict(checkDomainName('sea.com.'))).toMatch(/has an empty label/);
    expect(verdict(checkDomainName('sea_x.com'))).toBe("The domain label 'sea_x' may only contain letters, digits and inner hyphens (at most 63 characters).");
    expect(verdict(checkDomainName('-sea.com'))).toMatch(/label '-sea' may only contain/);
    expect(verdict(checkDomainName(`${'a'.repeat(64)}.com`))).toMatch(/at most 63 characters/);
  });

  it('refuses a domain over 255 characters', () => {
    const long = Array.from({ length: 5 }, () => 'a'.repeat(60)).join('.');
    expect(verdict(checkDomainName(long))).toBe(`The domain is ${long.length} characters long; the limit is 255.`);
  });
});

describe('checkRouteEntry (Edit Routing Table Entry dialog)', () => {
  it('refuses rerouting a domain to itself, # or not, whatever the case (a loop of one entry)', () => {
    for (const entry of [route('cpandl.net', 'CPANDL.NET'), route('#cpandl.net', 'cpandl.net')]) {
      expect(checkRouteEntry(entry, 'adatum.com')).toEqual({
        field: 'routeTo',
        message: 'Mail sent to cpandl.net cannot be rerouted to cpandl.net itself: it would loop (5.4.6). Accept it as inbound instead.',
      });
    }
    // A subdomain rerouted to its parent is a rewrite, not a loop (Q307628's internal.adatum.com).
    expect(checkRouteEntry(route('internal.cpandl.net', 'cpandl.net'), 'adatum.com')).toBeNull();
  });

  it('accepts inbound entries, rewrites and # entries', () => {
    expect(checkRouteEntry(route('domain2.com'), 'adatum.com')).toBeNull();
    expect(checkRouteEntry(route('DOMAIN2.com', 'INBOUND'), 'adatum.com')).toBeNull();
    expect(checkRouteEntry(route('cpandl.net', 'adatum.com'), 'adatum.com')).toBeNull();
    expect(checkRouteEntry(route('#microsoft.com'), 'adatum.com')).toBeNull();
    expect(checkRouteEntry(route('#sea.com', 'adatum.com'), 'adatum.com')).toBeNull();
  });

  it('accepts the site SMTP domain as inbound (Q174351 shows it there)', () => {
    expect(checkRouteEntry(route('adatum.com'), 'adatum.com')).toBeNull();
    expect(checkRouteEntry(route('#ADATUM.com'), 'adatum.com')).toBeNull();
  });

  it('refuses to reroute the site SMTP domain, in any case or with #', () => {
    for (const sentTo of ['adatum.com', 'ADATUM.COM', '#adatum.com']) {
      expect(checkRouteEntry(route(sentTo, 'cpandl.net'), 'adatum.com'), sentTo).toEqual({
        field: 'routeTo',
        message: 'adatum.com is the site SMTP domain (Site Addressing): mail sent to it is always accepted as inbound.',
      });
    }
  });

  it('allows rerouting a subdomain of the site domain (Q307628 internal.adatum.com)', () => {
    expect(checkRouteEntry(route('internal.adatum.com', 'adatum.com'), 'adatum.com')).toBeNull();
  });

  it("refuses '#' in Route to", () => {
    expect(checkRouteEntry(route('sea.com', '#adatum.com'), 'adatum.com')).toEqual({
      field: 'routeTo',
      message: "'Should be rerouted to this domain' takes a plain domain; '#' belongs only in 'E-mail sent to this domain'.",
    });
  });

  it('refuses bad domains on either side, naming the field', () => {
    expect(checkRouteEntry(route(''), null)).toEqual({ field: 'sentTo', message: "The domain in 'E-mail sent to this domain' is empty." });
    expect(checkRouteEntry(route('#'), null)?.field).toBe('sentTo');
    expect(checkRouteEntry(route('sea..com'), null)).toMatchObject({ field: 'sentTo', message: expect.stringContaining('empty label') });
    expect(checkRouteEntry(route('bob@sea.com'), null)?.field).toBe('sentTo');
    expect(checkRouteEntry(route('sea.com', 'bad domain'), null)).toEqual({
      field: 'routeTo',
      message: "The domain in 'Should be rerouted to this domain' 'bad domain' must not contain spaces.",
    });
    expect(checkRouteEntry(route('sea.com', ''), null)).toMatchObject({ field: 'routeTo', message: expect.stringContaining('is empty') });
  });
});

describe('checkRoutingTable', () => {
  it("accepts Q307628's table", () => {
    expect(checkRoutingTable(Q307628_ROUTES, 'adatum.com')).toBeNull();
  });

  it('refuses a duplicate Sent to, whatever its case, naming the second row', () => {
    expect(checkRoutingTable([route('domain2.com'), route('cpandl.net', 'adatum.com'), route('Domain2.COM', 'adatum.com')], 'adatum.com')).toEqual({
      field: 'sentTo',
      index: 2,
      message: 'The routing table already has an entry for domain2.com.',
    });
  });

  it('refuses an IDN written once in Unicode and once in ASCII as a duplicate', () => {
    expect(checkRoutingTable([route('exämple.com'), route('xn--exmple-cua.com')], 'adatum.com')).toEqual({
      field: 'sentTo',
      index: 1,
      message: 'The routing table already has an entry for exämple.com.',
    });
    expect(checkRoutingTable([route('#exämple.com'), route('#XN--EXMPLE-CUA.com')], 'adatum.com')?.index).toBe(1);
  });

  it('allows #sea.com beside sea.com: they are different entries', () => {
    expect(checkRoutingTable([route('#sea.com'), route('sea.com', 'adatum.com')], 'adatum.com')).toBeNull();
  });

  it('reports the first bad entry with its index', () => {
    expect(checkRoutingTable([route('ok.com'), route('adatum.com', 'ok.com'), route('sea..com')], 'adatum.com')).toMatchObject({ index: 1, field: 'routeTo' });
    expect(checkRoutingTable([route('ok.com'), route('sea..com')], 'adatum.com')).toMatchObject({ index: 1, field: 'sentTo' });
  });
});

describe('compileRoutingTable', () => {
  it('adds the site SMTP domain as an implicit inbound entry when the table lacks it (Q174351)', () => {
    const table = compileRoutingTable([route('domain2.com')], 'adatum.com');
    expect(table.suffix.get('adatum.com')).toEqual({ sentTo: 'adatum.com', domain: 'adatum.com', exact: false, routeTo: 'inbound', implicit: true });
    expect(table.entries).toHaveLength(2);
  });

  it('keeps an explicit site-domain entry as it is, not implicit', () => {
    const table = compileRoutingTable(Q307628_ROUTES, 'adatum.com');
    expect(table.suffix.get('adatum.com')?.implicit).toBe(false);
    expect(table.entries).toHaveLength(4);
  });

  it('takes an entry rerouting the site domain as inbound anyway', () => {
    const table = compileRoutingTable([route('ADATUM.com', 'cpandl.net')], 'adatum.com');
    expect(table.suffix.get('adatum.com')).toMatchObject({ routeTo: 'inbound', implicit: false });
  });

  it('adds nothing when the site has no SMTP domain', () => {
    expect(compileRoutingTable([], null).entries).toEqual([]);
  });

  it('stores domains and targets in ASCII lower case, and # entries apart', () => {
    const table = compileRoutingTable([route('#Sea.com', 'EXÄMPLE.com'), route('Exämple.com')], null);
    expect(table.exact.get('sea.com')).toEqual({ sentTo: '#sea.com', domain: 'sea.com', exact: true, routeTo: 'xn--exmple-cua.com', implicit: false });
    expect(table.suffix.get('xn--exmple-cua.com')).toMatchObject({ sentTo: 'exämple.com', routeTo: 'inbound' });
    expect(table.suffix.has('sea.com')).toBe(false);
  });

  it('skips entries it cannot read rather than guessing', () => {
    const table = compileRoutingTable([route('sea..com'), route('ok.com', 'bad domain'), route('good.com')], null);
    expect(table.entries.map((e) => e.sentTo)).toEqual(['good.com']);
  });

  it('resolves duplicates the same way in any order: inbound first, then the alphabetically first target', () => {
    const a = [route('sea.com', 'zed.com'), route('SEA.com', 'abc.com')];
    expect(compileRoutingTable(a, null).suffix.get('sea.com')?.routeTo).toBe('abc.com');
    expect(compileRoutingTable([...a].reverse(), null).suffix.get('sea.com')?.routeTo).toBe('abc.com');
    const b = [route('sea.com', 'abc.com'), route('Sea.com')];
    expect(compileRoutingTable(b, null).suffix.get('sea.com')?.routeTo).toBe('inbound');
    expect(compileRoutingTable([...b].reverse(), null).suffix.get('sea.com')?.routeTo).toBe('inbound');
  });

  it('names the same entry for an IDN written twice, in any order (the steps and loop names do not change)', () => {
    const rows = [route('xn--exmple-cua.com'), route('exämple.com')];
    expect(compileRoutingTable(rows, null).suffix.get('xn--exmple-cua.com')?.sentTo).toBe('exämple.com');
    expect(compileRoutingTable([...rows].reverse(), null).suffix.get('xn--exmple-cua.com')?.sentTo).toBe('exämple.com');
    const loop = [route('xn--exmple-cua.com', 'a.com'), route('exämple.com', 'a.com'), route('a.com', 'exämple.com')];
    expect(findRewriteLoops(loop, null)).toEqual(['a.com → exämple.com → a.com']);
    expect(findRewriteLoops([...loop].reverse(), null)).toEqual(['a.com → exämple.com → a.com']);
  });
});

describe('matchDomain (Exchange 5.5 help for the Routing tab; KB Q169683)', () => {
  const table = compileRoutingTable([route('sea.com'), route('#microsoft.com'), route('example.microsoft.com'), route('x.sea.com', 'adatum.com')], 'adatum.com');

  it('matches an entry’s own domain and its subdomains by whole labels from the right', () => {
    expect(hit(table, 'sea.com')).toBe('sea.com → inbound');
    expect(hit(table, 'a.b.sea.com')).toBe('sea.com → inbound');
    expect(hit(table, 'SEA.COM')).toBe('sea.com → inbound');
  });

  it('never matches a domain that only ends with the same letters (chelsea.com)', () => {
    expect(hit(table, 'chelsea.com')).toBe('none');
    expect(hit(table, 'xsea.com')).toBe('none');
    expect(hit(table, 'sea.com.au')).toBe('none');
  });

  it('lets the most specific entry win', () => {
    expect(hit(table, 'x.sea.com')).toBe('x.sea.com → adatum.com');
    expect(hit(table, 'y.x.sea.com')).toBe('x.sea.com → adatum.com');
    expect(hit(table, 'y.sea.com')).toBe('sea.com → inbound');
  });

  it('most specific wins whatever the order of the list', () => {
    const rows = [route('sea.com'), route('x.sea.com', 'adatum.com'), route('y.x.sea.com', 'cpandl.net')];
    for (const order of [rows, [...rows].reverse(), [rows[1], rows[2], rows[0]]]) {
      const t = compileRoutingTable(order, null);
      expect(hit(t, 'z.y.x.sea.com')).toBe('y.x.sea.com → cpandl.net');
      expect(hit(t, 'z.x.sea.com')).toBe('x.sea.com → adatum.com');
      expect(hit(t, 'z.sea.com')).toBe('sea.com → inbound');
    }
  });

  it('matches a # entry for its domain exactly and nothing else (Q263199)', () => {
    expect(hit(table, 'microsoft.com')).toBe('#microsoft.com → inbound');
    expect(hit(table, 'other.microsoft.com')).toBe('none');
    expect(hit(table, 'example.microsoft.com')).toBe('example.microsoft.com → inbound');
  });

  it('prefers a # entry over a plain entry for the same domain, and the plain one for subdomains', () => {
    const t = compileRoutingTable([route('sea.com', 'adatum.com'), route('#sea.com')], null);
    expect(hit(t, 'sea.com')).toBe('#sea.com → inbound');
    expect(hit(t, 'x.sea.com')).toBe('sea.com → adatum.com');
  });

  it('compares IDN domains in ASCII form', () => {
    const t = compileRoutingTable([route('exämple.com')], null);
    expect(hit(t, 'xn--exmple-cua.com')).toBe('exämple.com → inbound');
    expect(hit(t, 'sub.EXÄMPLE.com')).toBe('exämple.com → inbound');
    const u = compileRoutingTable([route('XN--EXMPLE-CUA.com')], null);
    expect(hit(u, 'exämple.com')).toBe('xn--exmple-cua.com → inbound');
  });

  it('matches the implicit site-domain entry and its subdomains', () => {
    expect(hit(table, 'adatum.com')).toBe('adatum.com → inbound');
    expect(hit(table, 'internal.adatum.com')).toBe('adatum.com → inbound');
    expect(matchDomain(table, 'adatum.com')?.implicit).toBe(true);
  });
});

describe('routeDomain', () => {
  const follow = (routes: RouteEntry[], domain: string, site: string | null = 'adatum.com') => {
    const r = routeDomain(compileRoutingTable(routes, site), domainKey(domain));
    return { kind: r.kind, domain: r.domain, rewrites: r.rewrites.map((e) => e.sentTo) };
  };

  it('follows Q307628: cpandl.net is rewritten to adatum.com, which is inbound', () => {
    expect(follow(Q307628_ROUTES, 'cpandl.net')).toEqual({ kind: 'inbound', domain: 'adatum.com', rewrites: ['cpandl.net'] });
    expect(follow(Q307628_ROUTES, 'internal.adatum.com')).toEqual({ kind: 'inbound', domain: 'adatum.com', rewrites: ['internal.adatum.com'] });
    expect(follow(Q307628_ROUTES, 'adatum.com')).toEqual({ kind: 'inbound', domain: 'adatum.com', rewrites: [] });
  });

  it('follows a chain a → b → c inbound', () => {
    expect(follow([route('a.com', 'b.com'), route('b.com', 'c.com'), route('c.com')], 'a.com')).toEqual({
      kind: 'inbound',
      domain: 'c.com',
      rewrites: ['a.com', 'b.com'],
    });
  });

  it('ends unmatched where the chain leaves the table', () => {
    expect(follow([route('a.com', 'b.com')], 'a.com')).toEqual({ kind: 'unmatched', domain: 'b.com', rewrites: ['a.com'] });
    expect(follow([], 'nowhere.com')).toEqual({ kind: 'unmatched', domain: 'nowhere.com', rewrites: [] });
  });

  it('finds a two-entry loop, a self-loop and a loop through a subdomain', () => {
    expect(follow([route('a.com', 'b.com'), route('b.com', 'a.com')], 'a.com')).toEqual({ kind: 'loop', domain: 'a.com', rewrites: ['a.com', 'b.com', 'a.com'] });
    expect(follow([route('a.com', 'a.com')], 'a.com')).toEqual({ kind: 'loop', domain: 'a.com', rewrites: ['a.com', 'a.com'] });
    expect(follow([route('sea.com', 'x.sea.com')], 'sea.com')).toEqual({ kind: 'loop', domain: 'x.sea.com', rewrites: ['sea.com', 'sea.com'] });
  });

  it('describes a loop from where it starts', () => {
    const r = routeDomain(compileRoutingTable([route('c.com', 'a.com'), route('a.com', 'b.com'), route('b.com', 'a.com')], null), 'c.com');
    expect(r.kind).toBe('loop');
    expect(describeLoop(r.rewrites)).toBe('a.com → b.com → a.com');
  });
});

describe('findRewriteLoops', () => {
  it('finds nothing in a table without loops', () => {
    expect(findRewriteLoops(Q307628_ROUTES, 'adatum.com')).toEqual([]);
    expect(findRewriteLoops([route('a.com', 'b.com'), route('b.com', 'c.com')], 'adatum.com')).toEqual([]);
  });

  it('names each loop once, from its alphabetically first entry, whatever the order', () => {
    const rows = [route('cpandl.org', 'cpandl.net'), route('cpandl.net', 'cpandl.org'), route('feeder.com', 'cpandl.org')];
    expect(findRewriteLoops(rows, 'adatum.com')).toEqual(['cpandl.net → cpandl.org → cpandl.net']);
    expect(findRewriteLoops([...rows].reverse(), 'adatum.com')).toEqual(['cpandl.net → cpandl.org → cpandl.net']);
  });

  it('names a self-loop and a loop through a subdomain', () => {
    expect(findRewriteLoops([route('a.com', 'a.com')], null)).toEqual(['a.com → a.com']);
    expect(findRewriteLoops([route('sea.com', 'x.sea.com')], null)).toEqual(['sea.com → sea.com']);
  });

  it('names several loops, each once, sorted', () => {
    const rows = [route('b.com', 'a.com'), route('a.com', 'b.com'), route('z.com', 'z.com'), route('m.com', 'n.com'), route('n.com', 'o.com'), route('o.com', 'm.com')];
    expect(findRewriteLoops(rows, null)).toEqual(['a.com → b.com → a.com', 'm.com → n.com → o.com → m.com', 'z.com → z.com']);
  });

  it('sees no loop through the site domain, which is always inbound', () => {
    expect(findRewriteLoops([route('cpandl.net', 'adatum.com'), route('adatum.com', 'cpandl.net')], 'adatum.com')).toEqual([]);
  });
});
