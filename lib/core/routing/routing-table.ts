// The Internet Mail Service routing table (Routing tab): checking entries, matching a domain,
// finding rewrite loops. Exchange 5.5 help for the Routing tab; KB Q169683, Q307628, Q174351.
import { asciiDomain, type AddressCheck } from '../addresses';
import { ROUTE_INBOUND, type RouteEntry } from './types';

export type CompiledEntry = {
  /** As configured (lower-case), e.g. `#sea.com`. Implicit entries use the site domain. */
  sentTo: string;
  /** The domain in ASCII lower-case form, without `#`. */
  domain: string;
  /** `#domain`: matches that domain only, no subdomains. */
  exact: boolean;
  /** `inbound`, or the ASCII domain the address is rewritten to. */
  routeTo: string;
  /** The site SMTP domain's entry that the table shows when rerouting is on (Q174351). */
  implicit: boolean;
};

export type CompiledTable = {
  exact: ReadonlyMap<string, CompiledEntry>;
  suffix: ReadonlyMap<string, CompiledEntry>;
  entries: readonly CompiledEntry[];
};

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A domain as the routing table compares it: ASCII (IDNA), lower case, no trailing dot. */
export function domainKey(domain: string): string {
  const ascii = asciiDomain(domain.endsWith('.') ? domain.slice(0, -1) : domain);
  return ascii ?? domain.toLowerCase();
}

/** Checks a domain name typed into the Edit Routing Table Entry dialog (`#` not included). */
export function checkDomainName(value: string, what = 'The domain'): AddressCheck {
  const domain = value.trim();
  if (domain === '') return { ok: false, message: `${what} is empty.` };
  if (/\s/.test(domain)) return { ok: false, message: `${what} '${domain}' must not contain spaces.` };
  if (domain.includes('@')) return { ok: false, message: `${what} '${domain}' is a domain, not an address: leave out the part up to '@'.` };
  const ascii = asciiDomain(domain);
  if (ascii === null) return { ok: false, message: `${what} '${domain}' is not a valid domain name.` };
  if (ascii.length > 255) return { ok: false, message: `${what} is ${ascii.length} characters long; the limit is 255.` };
  const labels = ascii.split('.');
  for (const label of labels) {
    if (label === '') return { ok: false, message: `${what} '${domain}' has an empty label (two dots in a row, or a dot at an end).` };
    if (!LABEL.test(label)) return { ok: false, message: `${what} label '${label}' may only contain letters, digits and inner hyphens (at most 63 characters).` };
  }
  return { ok: true };
}

/** Normalises a Sent to value: lower case, `#` kept in front, IDN in Unicode form as typed. */
export function normalizeSentTo(value: string): string {
  const trimmed = value.trim().toLowerCase();
  return trimmed.startsWith('#') ? `#${trimmed.slice(1).trim()}` : trimmed;
}

/** The key two Sent to values collide on (a duplicate is refused): `#` kept, domain in ASCII. */
export function sentToKey(sentTo: string): string {
  const value = normalizeSentTo(sentTo);
  return value.startsWith('#') ? `#${domainKey(value.slice(1))}` : domainKey(value);
}

export type EntryProblem = { field: 'sentTo' | 'routeTo'; message: string };

/** Checks one entry as the Edit Routing Table Entry dialog does. */
export function checkRouteEntry(entry: RouteEntry, siteSmtpDomain: string | null): EntryProblem | null {
  const sentTo = normalizeSentTo(entry.sentTo);
  const exact = sentTo.startsWith('#');
  const domain = exact ? sentTo.slice(1) : sentTo;
  const sentCheck = checkDomainName(domain, "The domain in 'E-mail sent to this domain'");
  if (!sentCheck.ok) return { field: 'sentTo', message: sentCheck.message };
  const routeTo = entry.routeTo.trim().toLowerCase();
  if (routeTo === ROUTE_INBOUND) return null;
  if (routeTo.startsWith('#')) return { field: 'routeTo', message: "'Should be rerouted to this domain' takes a plain domain; '#' belongs only in 'E-mail sent to this domain'." };
  const routeCheck = checkDomainName(routeTo, "The domain in 'Should be rerouted to this domain'");
  if (!routeCheck.ok) return { field: 'routeTo', message: routeCheck.message };
  if (domainKey(routeTo) === domainKey(domain)) {
    return { field: 'routeTo', message: `Mail sent to ${domain} cannot be rerouted to ${domain} itself: it would loop (5.4.6). Accept it as inbound instead.` };
  }
  if (siteSmtpDomain && domainKey(domain) === domainKey(siteSmtpDomain)) {
    return { field: 'routeTo', message: `${siteSmtpDomain} is the site SMTP domain (Site Addressing): mail sent to it is always accepted as inbound.` };
  }
  return null;
}

/** Checks a whole table: each entry, then duplicates of Sent to. */
export function checkRoutingTable(routes: RouteEntry[], siteSmtpDomain: string | null): (EntryProblem & { index: number }) | null {
  const seen = new Map<string, number>();
  for (let index = 0; index < routes.length; index++) {
    const problem = checkRouteEntry(routes[index], siteSmtpDomain);
    if (problem) return { ...problem, index };
    const key = sentToKey(routes[index].sentTo);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return { field: 'sentTo', index, message: `The routing table already has an entry for ${normalizeSentTo(routes[earlier].sentTo)}.` };
    }
    seen.set(key, index);
  }
  return null;
}

/**
 * Prefer `inbound`, then the alphabetically first target, then the alphabetically first Sent to
 * (`exämple.com` and `xn--exmple-cua.com` are one domain): any order of the list gives one answer,
 * down to the entry the steps name.
 */
function preferred(a: CompiledEntry, b: CompiledEntry): CompiledEntry {
  const aInbound = a.routeTo === ROUTE_INBOUND;
  if (aInbound !== (b.routeTo === ROUTE_INBOUND)) return aInbound ? a : b;
  if (a.routeTo !== b.routeTo) return a.routeTo < b.routeTo ? a : b;
  return a.sentTo <= b.sentTo ? a : b;
}

/**
 * Compiles the table into lookup maps. The site SMTP domain is always inbound (Q174351 shows
 * `company.com <Inbound>` in the table as soon as rerouting is on): an entry for it is taken as
 * inbound, and an implicit one is added when the table lacks it. Entries that cannot be read
 * (the API and the dialog refuse them) are skipped rather than guessed at.
 */
export function compileRoutingTable(routes: readonly RouteEntry[], siteSmtpDomain: string | null): CompiledTable {
  const exact = new Map<string, CompiledEntry>();
  const suffix = new Map<string, CompiledEntry>();
  const siteKey = siteSmtpDomain ? domainKey(siteSmtpDomain) : null;
  for (const route of routes) {
    const sentTo = normalizeSentTo(route.sentTo);
    const isExact = sentTo.startsWith('#');
    const raw = isExact ? sentTo.slice(1) : sentTo;
    if (!checkDomainName(raw).ok) continue;
    const domain = domainKey(raw);
    let routeTo = route.routeTo.trim().toLowerCase();
    if (routeTo !== ROUTE_INBOUND) {
      if (!checkDomainName(routeTo).ok) continue;
      routeTo = domainKey(routeTo);
    }
    if (domain === siteKey) routeTo = ROUTE_INBOUND;
    const entry: CompiledEntry = { sentTo, domain, exact: isExact, routeTo, implicit: false };
    const map = isExact ? exact : suffix;
    const existing = map.get(domain);
    map.set(domain, existing ? preferred(existing, entry) : entry);
  }
  if (siteKey && siteSmtpDomain && !suffix.has(siteKey)) {
    suffix.set(siteKey, { sentTo: siteSmtpDomain.toLowerCase(), domain: siteKey, exact: false, routeTo: ROUTE_INBOUND, implicit: true });
  }
  return { exact, suffix, entries: [...exact.values(), ...suffix.values()] };
}

/**
 * The entry for a domain (ASCII lower-case form): a `#` entry for the domain itself first, then
 * the longest plain entry matching by whole labels from the right (`sea.com` matches `x.sea.com`,
 * never `chelsea.com`). The most specific match wins whatever the order of the list.
 */
export function matchDomain(table: CompiledTable, domain: string): CompiledEntry | null {
  const exact = table.exact.get(domain);
  if (exact) return exact;
  let candidate = domain;
  for (;;) {
    const entry = table.suffix.get(candidate);
    if (entry) return entry;
    const dot = candidate.indexOf('.');
    if (dot < 0) return null;
    candidate = candidate.slice(dot + 1);
  }
}

export type DomainRoute =
  | { kind: 'inbound'; domain: string; entry: CompiledEntry; rewrites: CompiledEntry[] }
  | { kind: 'unmatched'; domain: string; rewrites: CompiledEntry[] }
  | { kind: 'loop'; domain: string; rewrites: CompiledEntry[] };

/** Follows a domain through the table: rewrites (chains allowed) until inbound, no match or a loop. */
export function routeDomain(table: CompiledTable, domain: string): DomainRoute {
  const rewrites: CompiledEntry[] = [];
  let current = domain;
  for (;;) {
    const entry = matchDomain(table, current);
    if (!entry) return { kind: 'unmatched', domain: current, rewrites };
    if (entry.routeTo === ROUTE_INBOUND) return { kind: 'inbound', domain: current, entry, rewrites };
    // Each entry rewrites to one fixed domain, so meeting an entry twice means the chain cycles.
    if (rewrites.includes(entry)) {
      rewrites.push(entry);
      return { kind: 'loop', domain: current, rewrites };
    }
    rewrites.push(entry);
    current = entry.routeTo;
  }
}

/** Describes a loop as the warning names it: `cpandl.net → cpandl.org → cpandl.net`. */
export function describeLoop(rewrites: readonly CompiledEntry[]): string {
  const start = rewrites.findIndex((entry) => entry === rewrites[rewrites.length - 1]);
  const cycle = rewrites.slice(start, -1);
  return [...cycle.map((entry) => entry.sentTo), cycle[0]?.sentTo ?? ''].join(' → ');
}

/** Every rewrite loop in a table, each named once (for the save warning and routing health). */
export function findRewriteLoops(routes: readonly RouteEntry[], siteSmtpDomain: string | null): string[] {
  const table = compileRoutingTable(routes, siteSmtpDomain);
  const loops = new Map<string, string>();
  for (const entry of table.entries) {
    if (entry.routeTo === ROUTE_INBOUND) continue;
    const route = routeDomain(table, entry.routeTo);
    if (route.kind !== 'loop') continue;
    const start = route.rewrites.findIndex((e) => e === route.rewrites[route.rewrites.length - 1]);
    const cycle = route.rewrites.slice(start, -1);
    // Name the cycle from its alphabetically first entry so each loop is reported once.
    const first = cycle.reduce((min, e, i) => (e.sentTo < cycle[min].sentTo ? i : min), 0);
    const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
    const key = rotated.map((e) => e.sentTo).join('|');
    if (!loops.has(key)) loops.set(key, [...rotated.map((e) => e.sentTo), rotated[0].sentTo].join(' → '));
  }
  return [...loops.values()].sort();
}
