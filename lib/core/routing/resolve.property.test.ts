import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proxyUniqueKey, splitSmtp } from '../addresses';
import { buildDirectory, findProxyHolders } from './directory';
import { checkRoutingHealth } from './health';
import { compileRouting, parseRoutingAddress, resolveAddress } from './resolve';
import { domainKey, findRewriteLoops, routeDomain } from './routing-table';
import { POSTOFFICES, routingConfig } from './test-fixtures';
import type { DirectoryProxy, DirectoryRecipient, Origin, RouteEntry, RoutingConfig, RoutingResult } from './types';

// Small alphabets, so that matches, subdomains, chains, loops, duplicates (by case and by IDN
// form) and holders happen often.
const DOMAINS = ['adatum.com', 'internal.adatum.com', 'a.com', 'b.com', 'sea.com', 'x.sea.com', 'chelsea.com', 'exämple.com', 'xn--exmple-cua.com', 'com'];
const LOCALS = ['bob', 'postmaster', 'u', '"a b"'];
const POSTOFFICE_NAMES = ['ADATUM/REDMOND', 'adatum/redmond', 'OLDNET/OLDPO', 'FINNET/PO1', 'NONET/NOPO'];
const MAILBOXES = ['BOB', 'bob', 'U', 'ADMINISTRA'];
const X400S = ['c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;', 'c=us;a= ;p=adatum;o=redmond;s=bob;', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Nobody;'];
const NUM_RUNS = 250;

/** Upper-cases the characters whose bit is set in `bits` (so one seed gives one casing). */
const recase = (text: string, bits: number) => [...text].map((ch, i) => ((bits >> i % 31) & 1 ? ch.toUpperCase() : ch)).join('');
const cased = (values: readonly string[]) => fc.tuple(fc.constantFrom(...values), fc.nat()).map(([v, bits]) => recase(v, bits));

const domain = cased(DOMAINS);
/** Addresses stored in the directory are valid: `com` alone is a table entry, not an address domain. */
const smtpAddress = fc.tuple(cased(LOCALS), cased(DOMAINS.filter((d) => d.includes('.')))).map(([l, d]) => `${l}@${d}`);
const msAddress = fc.tuple(fc.constantFrom(...POSTOFFICE_NAMES), fc.constantFrom(...MAILBOXES)).map(([po, mb]) => `${po}/${mb}`);

const routeEntry: fc.Arbitrary<RouteEntry> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ sentTo: fc.tuple(fc.nat(5), domain).map(([n, d]) => (n === 0 ? `#${d}` : d)), routeTo: fc.oneof({ weight: 2, arbitrary: fc.constantFrom('inbound', 'INBOUND') }, { weight: 3, arbitrary: domain }) }) },
  // Entries the dialog refuses (the resolver skips them) and a '#' target.
  { weight: 1, arbitrary: fc.record({ sentTo: fc.constantFrom('bad..com', '', '#'), routeTo: fc.constantFrom('inbound', 'a.com') }) },
  { weight: 1, arbitrary: fc.record({ sentTo: domain, routeTo: fc.constantFrom('#a.com', 'bad domain') }) },
);
const routes = fc.array(routeEntry, { maxLength: 8 });

const proxy: fc.Arbitrary<DirectoryProxy> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('SMTP'), address: smtpAddress, primary: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('MS'), address: msAddress, primary: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('X400'), address: fc.constantFrom(...X400S), primary: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('NOTES'), address: fc.constantFrom('Bob/Adatum', 'bob/adatum'), primary: fc.boolean() }) },
);

const recipientShape = fc.record({
  kind: fc.constantFrom('mailbox', 'mailbox', 'custom', 'dl') as fc.Arbitrary<DirectoryRecipient['kind']>,
  proxies: fc.array(proxy, { maxLength: 4 }),
  members: fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 4 }),
  target: fc.constantFrom('SMTP:cust@partner.example', 'MS:FINNET/PO1/CUST', 'X400:c=US;a= ;p=P;s=Cust;', null),
});

const recipients: fc.Arbitrary<DirectoryRecipient[]> = fc.array(recipientShape, { maxLength: 6 }).map((shapes) =>
  shapes.map((s, i) => ({
    id: i + 1,
    kind: s.kind,
    directoryName: `R${i + 1}`,
    displayName: `Recipient ${i + 1}`,
    targetAddress: s.kind === 'custom' ? s.target : null,
    proxies: s.proxies,
    members: s.kind === 'dl' ? s.members : [],
  })),
);

const config: fc.Arbitrary<RoutingConfig> = fc
  .record({
    rerouteIncoming: fc.constantFrom(true, true, false),
    routes,
    administratorId: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
    siteSmtpDomain: fc.constantFrom('adatum.com', 'ADATUM.com', 'sea.com', null),
    postoffices: fc.subarray(POSTOFFICES),
  })
  .map((options) => routingConfig(options));

const address = fc.oneof(
  { weight: 6, arbitrary: smtpAddress },
  { weight: 1, arbitrary: smtpAddress.map((a) => `SMTP:${a}`) },
  { weight: 3, arbitrary: msAddress.map((a) => `MS:${a}`) },
  { weight: 1, arbitrary: fc.constantFrom(...X400S).map((a) => `X400:${a}`) },
  { weight: 1, arbitrary: fc.constantFrom('NOTES:Bob/Adatum', 'bob', '', 'ADATUM/REDMOND/BOB', 'bob@sea..com', 'bob@com') },
);
const origin = fc.constantFrom<Origin>('internet', 'exchange', 'msmail');

/** Mostly an origin that can send to the address's type, sometimes one that cannot (refused). */
function originFor(written: string, chosen: Origin, roll: number): Origin {
  if (roll % 5 === 0) return chosen;
  const prefix = /^([A-Za-z0-9-]+):/.exec(written)?.[1].toUpperCase() ?? 'SMTP';
  if (prefix === 'SMTP') return chosen === 'msmail' ? (roll % 2 ? 'internet' : 'exchange') : chosen;
  if (prefix === 'MS') return chosen === 'internet' ? (roll % 2 ? 'msmail' : 'exchange') : chosen;
  return 'exchange';
}

/**
 * A configuration, a directory, and an address from an origin. Three times in four the address
 * is one a recipient holds (in another casing), so holders, lists and custom recipients are met
 * often; otherwise it is drawn from the same small alphabet (unknown, malformed or refused).
 */
const scenario = fc
  .record({ config, recipients, random: address, origin, pick: fc.nat(), bits: fc.nat(), roll: fc.nat(), otherDomain: domain })
  .map(({ config: c, recipients: r, random, origin: o, pick, bits, roll, otherDomain }) => {
    const held = r.flatMap((x) => x.proxies);
    let a = random;
    if (roll % 4 !== 0 && held.length > 0) {
      const p = held[pick % held.length];
      let text = p.type === 'NOTES' ? p.address : recase(p.address.toLowerCase(), bits);
      // A held local part in another domain: what a rewrite may bring to the holder (Q307628).
      if (p.type === 'SMTP' && otherDomain.includes('.') && (roll >> 4) % 3 === 0) text = `${splitSmtp(text)!.local}@${otherDomain}`;
      a = p.type === 'SMTP' && bits % 3 !== 0 ? text : `${p.type}:${text}`;
    }
    return { config: c, recipients: r, address: a, origin: originFor(a, o, roll >> 2) };
  });

function resolve(c: RoutingConfig, r: DirectoryRecipient[], a: string, o: Origin) {
  return resolveAddress(compileRouting(c), buildDirectory(r), { address: a, origin: o });
}

const landing = (result: RoutingResult) => ({
  verdict: result.verdict,
  finalAddress: result.finalAddress,
  recipientId: result.recipient?.id ?? null,
  replyAddress: result.replyAddress,
  ndr: result.ndr,
  rules: result.steps.map((s) => s.rule),
  members: JSON.stringify(result.members ?? null),
});

describe('resolver properties', () => {
  it('terminates on any table, loops and duplicates included, with a bounded number of steps', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r, address: a, origin: o }) => {
        const outcome = resolve(c, r, a, o);
        if (!outcome.ok) {
          expect(['address', 'origin']).toContain(outcome.field);
          expect(outcome.message.length).toBeGreaterThan(0);
          return;
        }
        const rewrites = outcome.result.steps.filter((s) => s.rule === 'reroute.rewrite').length;
        // Each entry rewrites at most once (a second meeting is the loop).
        expect(rewrites).toBeLessThanOrEqual(compileRouting(c).table.entries.length);
        expect(outcome.result.steps.length).toBeLessThanOrEqual(rewrites + 8);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a recipient delivered to (not by the postmaster rule) really holds the final address', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r, address: a, origin: o }) => {
        const outcome = resolve(c, r, a, o);
        if (!outcome.ok) return;
        const { result } = outcome;
        if (result.recipient === null || result.steps.some((s) => s.rule === 'postmaster')) return;
        if (result.verdict !== 'delivered' && result.verdict !== 'expanded') return;
        const final = parseRoutingAddress(result.finalAddress);
        expect(final.ok).toBe(true);
        if (!final.ok) return;
        const directory = buildDirectory(r);
        const holders = findProxyHolders(directory, final.type, final.address);
        expect(holders.map((h) => h.recipient.id)).toEqual([result.recipient.id]);
        const key = proxyUniqueKey(final.type, final.address);
        expect(directory.recipients.get(result.recipient.id)!.proxies.some((p) => proxyUniqueKey(p.type, p.address) === key)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  const withRoutes = (c: RoutingConfig, order: RouteEntry[]): RoutingConfig => ({ ...c, internetMailService: { ...c.internetMailService, routes: order } });
  const orders = (list: RouteEntry[], keys: number[]) => [
    list.map((entry, i) => ({ entry, key: keys[i] })).sort((x, y) => x.key - y.key).map((x) => x.entry),
    [...list].reverse(),
  ];
  const shuffleKeys = fc.array(fc.nat(), { minLength: 8, maxLength: 8 });

  it('the answer does not depend on the order of the routing table (verdict, final address, recipient, and every step)', () => {
    fc.assert(
      fc.property(scenario, shuffleKeys, ({ config: c, recipients: r, address: a, origin: o }, keys) => {
        const base = resolve(c, r, a, o);
        for (const order of orders(c.internetMailService.routes, keys)) {
          const other = resolve(withRoutes(c, order), r, a, o);
          expect(other.ok).toBe(base.ok);
          if (!base.ok || !other.ok) continue;
          expect(landing(other.result)).toEqual(landing(base.result));
          expect(other.result.steps).toEqual(base.result.steps);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('loops and health findings do not depend on the order of the routing table', () => {
    fc.assert(
      fc.property(config, recipients, shuffleKeys, (c, r, keys) => {
        const directory = buildDirectory(r);
        const loops = findRewriteLoops(c.internetMailService.routes, c.siteSmtpDomain);
        const problems = checkRoutingHealth(compileRouting(c), directory).map((p) => `${p.code}: ${p.message}`).sort();
        for (const order of orders(c.internetMailService.routes, keys)) {
          expect(findRewriteLoops(order, c.siteSmtpDomain)).toEqual(loops);
          expect(checkRoutingHealth(compileRouting(withRoutes(c, order)), directory).map((p) => `${p.code}: ${p.message}`).sort()).toEqual(problems);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a chain of rewrites d0 → d1 → … → dk inbound, in any order among other entries, delivers to the holder of local@dk', () => {
    const chainDomain = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g').map((l) => `${l}.net`);
    fc.assert(
      fc.property(
        fc.uniqueArray(chainDomain, { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ sentTo: fc.constantFrom('h.net', 'x.h.net', 'chelsea.com', 'com'), routeTo: fc.constantFrom('inbound', 'a.net', 'h.net') }), { maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 10, maxLength: 10 }),
        fc.constantFrom('u', 'U', 'postmaster'),
        fc.constantFrom<Origin>('internet', 'exchange'),
        (chain, noise, keys, local, o) => {
          const final = chain[chain.length - 1];
          const rows: RouteEntry[] = [
            ...chain.slice(0, -1).map((d, i) => ({ sentTo: d, routeTo: chain[i + 1] })),
            { sentTo: final, routeTo: 'inbound' },
            // Noise never matches a chain domain, except `com`, which the more specific entries beat.
            ...noise,
          ];
          const table = rows.map((entry, i) => ({ entry, key: keys[i] })).sort((x, y) => x.key - y.key).map((x) => x.entry);
          const holder = { id: 3, kind: 'mailbox' as const, directoryName: 'U', displayName: 'U', targetAddress: null, members: [], proxies: [{ type: 'SMTP', address: 'u@adatum.com', primary: true }, { type: 'SMTP', address: `${local.toLowerCase()}@${final}`, primary: false }] };
          const outcome = resolve(routingConfig({ rerouteIncoming: true, routes: table }), [holder], `${local}@${chain[0]}`, o);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          expect({ verdict: outcome.result.verdict, final: outcome.result.finalAddress, recipient: outcome.result.recipient?.id, reply: outcome.result.replyAddress }).toEqual({
            verdict: 'delivered',
            final: `${local}@${final}`,
            recipient: 3,
            reply: 'u@adatum.com',
          });
          expect(outcome.result.steps.filter((s) => s.rule === 'reroute.rewrite').map((s) => s.object)).toEqual(
            chain.slice(0, -1).map((d, i) => ({ kind: 'routing-entry', sentTo: d, routeTo: chain[i + 1], implicit: false })),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('without steps (the batch API\'s "steps": false) the answer is the same, only its steps are empty', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r, address: a, origin: o }) => {
        const routing = compileRouting(c);
        const directory = buildDirectory(r);
        const full = resolveAddress(routing, directory, { address: a, origin: o });
        const bare = resolveAddress(routing, directory, { address: a, origin: o }, { steps: false });
        expect(bare).toEqual(full.ok ? { ok: true, result: { ...full.result, steps: [] } } : full);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rewriting never changes the local part of an SMTP address', () => {
    fc.assert(
      fc.property(scenario, smtpAddress, ({ config: c, recipients: r, origin: o }, a) => {
        const outcome = resolve(c, r, a, o === 'msmail' ? 'internet' : o);
        if (!outcome.ok || outcome.result.verdict === 'forwarded') return;
        expect(splitSmtp(outcome.result.finalAddress)?.local).toBe(splitSmtp(a)!.local);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every result is well formed: a sender step first, ndr iff ndr or rejected, recipients of the right kind', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r, address: a, origin: o }) => {
        const outcome = resolve(c, r, a, o);
        if (!outcome.ok) return;
        const { result } = outcome;
        expect(result.steps.length).toBeGreaterThanOrEqual(2);
        expect(result.steps[0].rule).toBe('sender');
        expect(result.origin).toBe(o);
        expect(result.ndr !== null).toBe(result.verdict === 'ndr' || result.verdict === 'rejected');
        if (result.verdict === 'rejected') expect(result.ndr?.code).toBe('5.7.1');
        if (['ndr', 'rejected', 'sent-to-internet'].includes(result.verdict)) expect(result.recipient).toBeNull();
        if (result.replyAddress !== null) expect(result.recipient).not.toBeNull();
        if (result.verdict === 'expanded') {
          expect(result.recipient?.kind).toBe('dl');
          expect(result.members).toBeDefined();
        } else {
          expect(result.members).toBeUndefined();
        }
        if (result.verdict === 'forwarded' && result.recipient) expect(result.recipient.kind).toBe('custom');
        if (result.verdict === 'delivered' && result.recipient) expect(result.recipient.kind).toBe('mailbox');
        if (result.verdict === 'delivered' && !result.recipient) expect(result.steps.at(-1)?.rule).toBe('msmail.direct');
        // Rejection (relay refused) happens only with rerouting on.
        if (result.verdict === 'rejected') expect(c.internetMailService.rerouteIncoming).toBe(true);
        // Only Exchange users send to the Internet.
        if (result.verdict === 'sent-to-internet') expect(o).toBe('exchange');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('the resolver and routeDomain agree on Internet mail: relay refused iff unmatched, 5.4.6 iff a loop', () => {
    fc.assert(
      fc.property(scenario, smtpAddress, ({ config: c, recipients: r }, a) => {
        const rerouted = { ...c, internetMailService: { ...c.internetMailService, rerouteIncoming: true } };
        const outcome = resolve(rerouted, r, a, 'internet');
        if (!outcome.ok) return;
        const { result } = outcome;
        const path = routeDomain(compileRouting(rerouted).table, domainKey(splitSmtp(a)!.domain));
        expect(result.verdict === 'rejected').toBe(path.kind === 'unmatched');
        expect(result.ndr?.code === '5.4.6').toBe(path.kind === 'loop');
        const rewrites = result.steps.filter((s) => s.rule === 'reroute.rewrite').length;
        expect(rewrites).toBe(path.kind === 'loop' ? path.rewrites.length - 1 : path.rewrites.length);
        if (path.kind === 'inbound' && result.verdict !== 'forwarded') expect(domainKey(splitSmtp(result.finalAddress)!.domain)).toBe(path.domain);
        // A table with no loop never gives 5.4.6.
        if (findRewriteLoops(c.internetMailService.routes, c.siteSmtpDomain).length === 0) expect(path.kind).not.toBe('loop');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('addresses compare case-insensitively and IDN domains in ASCII form: the same answer whatever the casing', () => {
    const written = fc.oneof(smtpAddress, msAddress.map((a) => `MS:${a}`));
    fc.assert(
      fc.property(scenario, written, fc.nat(), ({ config: c, recipients: r, origin: o }, a, bits) => {
        const variant = recase(a.toLowerCase(), bits).replace(/xn--exmple-cua/i, 'exämple');
        const x = resolve(c, r, a, o);
        const y = resolve(c, r, variant, o);
        expect(y.ok).toBe(x.ok);
        if (!x.ok || !y.ok) return;
        expect({ verdict: y.result.verdict, recipient: y.result.recipient?.id, ndr: y.result.ndr?.code, rules: y.result.steps.map((s) => s.rule) }).toEqual({
          verdict: x.result.verdict,
          recipient: x.result.recipient?.id,
          ndr: x.result.ndr?.code,
          rules: x.result.steps.map((s) => s.rule),
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never changes the configuration or the directory it reads', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r, address: a, origin: o }) => {
        const before = structuredClone({ c, r });
        resolve(c, r, a, o);
        checkRoutingHealth(compileRouting(c), buildDirectory(r));
        expect({ c, r }).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('health agrees with the resolver: an address-not-accepted domain is refused, a missing postmaster gets an NDR', () => {
    fc.assert(
      fc.property(scenario, ({ config: c, recipients: r }) => {
        const routing = compileRouting(c);
        const directory = buildDirectory(r);
        const problems = checkRoutingHealth(routing, directory);
        for (const p of problems) {
          if (p.code === 'address-not-accepted') {
            for (const example of p.examples ?? []) {
              const outcome = resolveAddress(routing, directory, { address: example.address, origin: 'internet' });
              expect(outcome.ok && outcome.result.verdict).toBe('rejected');
            }
          }
          if (p.code === 'postmaster-missing') {
            const postmaster = /No recipient holds (postmaster@\S+):/.exec(p.message)![1];
            const outcome = resolveAddress(routing, directory, { address: postmaster, origin: 'internet' });
            expect(outcome.ok && outcome.result.verdict).toBe('ndr');
          }
          if (p.code === 'rewrite-loop') expect(c.internetMailService.rerouteIncoming).toBe(true);
        }
        const admin = c.internetMailService.administratorId;
        expect(problems.some((p) => p.code === 'no-administrator')).toBe(admin === null || !r.some((x) => x.id === admin));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
