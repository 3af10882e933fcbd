// The benchmark's directory and address mix, generated deterministically so the in-process
// resolver run and the HTTP runs read exactly the same data and ask exactly the same questions.
import type { Origin, RouteEntry, Verdict } from '../../lib/core/routing/types';

export const MAILBOXES = 100_000;
export const HOSTED_DOMAINS = 50;
export const BATCH_SIZE = 100_000;
export const SEED = 0x5e_ed_55;

export const ORGANIZATION = 'ADATUM';
export const SITE = 'REDMOND';
export const SITE_DOMAIN = 'adatum.com';
/** The 50 hosted domains are subdomains of one parent: a single inbound entry accepts them all. */
export const HOSTED_PARENT = 'hosted.example';
export const hostedDomain = (n: number) => `d${String(n).padStart(2, '0')}.${HOSTED_PARENT}`;

const REWRITES = 10;
const LEGACY = 3;

/** The Routing tab: 20 entries mixing inbound domains, subdomain entries, `#` entries and rewrites. */
export const ROUTES: RouteEntry[] = [
  { sentTo: SITE_DOMAIN, routeTo: 'inbound' },
  // Every dNN.hosted.example is accepted as a subdomain of this one entry (Q263199).
  { sentTo: HOSTED_PARENT, routeTo: 'inbound' },
  // A more specific entry under an inbound parent: the longest match wins.
  { sentTo: `mail.${HOSTED_PARENT}`, routeTo: SITE_DOMAIN },
  // Q307628: old names rewritten to a hosted domain.
  ...Array.from({ length: REWRITES }, (_, n) => ({ sentTo: `alt-${n}.example`, routeTo: hostedDomain(n) })),
  // That domain only, rewritten to the site domain.
  ...Array.from({ length: LEGACY }, (_, n) => ({ sentTo: `#legacy-${n}.example`, routeTo: SITE_DOMAIN })),
  { sentTo: '#partner-0.example', routeTo: 'inbound' },
  { sentTo: '#partner-1.example', routeTo: 'inbound' },
  { sentTo: `old.${SITE_DOMAIN}`, routeTo: SITE_DOMAIN },
  // Two hops: chain.example → alt-0.example → d00.hosted.example.
  { sentTo: 'chain.example', routeTo: 'alt-0.example' },
];

const FIRST = ['Anne', 'Bob', 'Carlos', 'Dana', 'Erik', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jeff', 'Kim', 'Lars', 'Maria', 'Nikhil', 'Olga', 'Pat', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yuki', 'Zoe'];
const LAST = ['Abercrombie', 'Berg', 'Clark', 'Duarte', 'Eriksson', 'Fischer', 'Garcia', 'Hay', 'Ito', 'Jensen', 'Kelly', 'Lopez', 'Meyer', 'Nakamura', 'Olsen', 'Park', 'Quist', 'Rossi', 'Svensson', 'Tanaka', 'Ueda', 'Virtanen', 'Weiler', 'Xu', 'Young', 'Zimmermann'];

export type BenchMailbox = {
  alias: string;
  firstName: string;
  lastName: string;
  displayName: string;
  /** SMTP reply address: alias@adatum.com. */
  primarySmtp: string;
  /** MS reply address: ADATUM/REDMOND/ALIAS (the alias is at most 10 characters and unique). */
  ms: string;
  /** Secondary SMTP address in one of the hosted domains. */
  secondarySmtp: string;
  secondaryLocal: string;
  domainIndex: number;
};

/** Mailbox number i (0-based). */
export function mailbox(i: number): BenchMailbox {
  const firstName = FIRST[i % FIRST.length];
  const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const alias = `u${String(i + 1).padStart(6, '0')}`;
  const domainIndex = i % HOSTED_DOMAINS;
  const secondaryLocal = `${firstName}.${lastName}${i + 1}`;
  return {
    alias,
    firstName,
    lastName,
    displayName: `${firstName} ${lastName}`,
    primarySmtp: `${alias}@${SITE_DOMAIN}`,
    ms: `${ORGANIZATION}/${SITE}/${alias.toUpperCase()}`,
    secondarySmtp: `${secondaryLocal}@${hostedDomain(domainIndex)}`,
    secondaryLocal,
    domainIndex,
  };
}

/** mulberry32: a small seeded PRNG, so every run asks the same addresses. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Category = 'hit' | 'miss' | 'rewrite' | 'other';
export type BenchItem = { address: string; origin: Origin; category: Category; expect: Verdict };

/** The mix, as the output states it. Weights are per cent of the batch. */
export const MIX: Array<{ category: Category; kind: string; weight: number; expect: Verdict }> = [
  { category: 'hit', kind: 'primary SMTP (alias@adatum.com; Internet or Exchange sender)', weight: 20, expect: 'delivered' },
  { category: 'hit', kind: 'secondary SMTP (first.lastN@dNN.hosted.example)', weight: 25, expect: 'delivered' },
  { category: 'hit', kind: 'MS:ADATUM/REDMOND/ALIAS from Exchange', weight: 5, expect: 'delivered' },
  { category: 'miss', kind: 'unknown local part at an accepted domain (NDR 5.1.1)', weight: 20, expect: 'ndr' },
  { category: 'rewrite', kind: 'rewritten then delivered (alt-N, #legacy-N, old.adatum.com, mail.hosted.example, chain.example 2 hops)', weight: 20, expect: 'delivered' },
  { category: 'other', kind: 'relay refused (Internet sender, unknown domain)', weight: 5, expect: 'rejected' },
  { category: 'other', kind: 'outbound from Exchange to an outside domain', weight: 5, expect: 'sent-to-internet' },
];

export function describeMix(): string[] {
  return MIX.map((m) => `${String(m.weight).padStart(3)}% ${m.category.padEnd(8)} ${m.kind} → ${m.expect}`);
}

/** A deterministic batch of mixed addresses following MIX. */
export function mixedBatch(size = BATCH_SIZE, seed = SEED): BenchItem[] {
  const random = prng(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const anyMailbox = () => mailbox(pick(MAILBOXES));
  /** A mailbox whose secondary domain is dNN. */
  const mailboxIn = (domainIndex: number) => mailbox(domainIndex + HOSTED_DOMAINS * pick(MAILBOXES / HOSTED_DOMAINS));
  const cumulative: number[] = [];
  let total = 0;
  for (const m of MIX) cumulative.push((total += m.weight));

  const items: BenchItem[] = [];
  for (let i = 0; i < size; i++) {
    const roll = random() * total;
    const slot = cumulative.findIndex((c) => roll < c);
    const { category, expect } = MIX[slot];
    let address: string;
    let origin: Origin = 'internet';
    switch (slot) {
      case 0: {
        address = anyMailbox().primarySmtp;
        if (random() < 0.3) origin = 'exchange';
        break;
      }
      case 1:
        address = anyMailbox().secondarySmtp;
        break;
      case 2:
        address = `MS:${anyMailbox().ms}`;
        origin = 'exchange';
        break;
      case 3: {
        const where = pick(4);
        const unknown = `nobody${pick(1_000_000)}`;
        // A real local part at the wrong hosted domain is as unknown as a made-up one.
        if (where === 0) address = `${unknown}@${SITE_DOMAIN}`;
        else if (where === 1) address = `${unknown}@${hostedDomain(pick(HOSTED_DOMAINS))}`;
        else if (where === 2) address = `${unknown}@partner-${pick(2)}.example`;
        else {
          const m = anyMailbox();
          address = `${m.secondaryLocal}@${hostedDomain((m.domainIndex + 1 + pick(HOSTED_DOMAINS - 1)) % HOSTED_DOMAINS)}`;
        }
        break;
      }
      case 4: {
        const how = random();
        if (how < 0.6) {
          const n = pick(REWRITES);
          address = `${mailboxIn(n).secondaryLocal}@alt-${n}.example`;
        } else if (how < 0.75) {
          address = `${anyMailbox().alias}@legacy-${pick(LEGACY)}.example`;
        } else if (how < 0.85) {
          address = `${anyMailbox().alias}@old.${SITE_DOMAIN}`;
        } else if (how < 0.9) {
          address = `${anyMailbox().alias}@mail.${HOSTED_PARENT}`;
        } else {
          address = `${mailboxIn(0).secondaryLocal}@chain.example`;
        }
        break;
      }
      case 5:
        address = `someone${pick(10_000)}@elsewhere-${pick(100)}.net`;
        break;
      default:
        address = `contact${pick(10_000)}@partner-${pick(100)}.net`;
        origin = 'exchange';
        break;
    }
    items.push({ address, origin, category, expect });
  }
  return items;
}
