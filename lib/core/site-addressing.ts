// Site Addressing: the per-site proxy generation rules (../shared/ROUTING.md, KB Q153270).
// Pure functions over plain data.
import {
  type AddressCheck,
  type KnownAddressType,
  checkMsPostoffice,
  checkSmtpAddress,
  checkX400Address,
  parseX400,
  splitSmtp,
} from './addresses';

export type SiteAddressingRule = { type: KnownAddressType; rule: string; enabled: boolean };

/** The people fields generation reads (General tab). */
export type NameFields = {
  alias: string;
  firstName: string;
  lastName: string;
  initials: string;
  displayName: string;
};

/** Drops characters X.400 does not allow, then keeps at most `max`. */
const X400_CLEAN = (value: string, max: number) => value.replace(/[^A-Za-z0-9 '()+,\-./:?]/g, '').trim().slice(0, max).trim();

/** Site Addressing of a new site: SMTP, MS and X.400 on; cc:Mail off until a cc:Mail connector exists. */
export function defaultSiteAddressing(organization: string, site: string, smtpDomain: string): SiteAddressingRule[] {
  const ms = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
  return [
    { type: 'SMTP', rule: `%m@${smtpDomain}`, enabled: true },
    { type: 'MS', rule: `${ms(organization)}/${ms(site)}`, enabled: true },
    { type: 'X400', rule: `c=US;a= ;p=${X400_CLEAN(organization, 16)};o=${X400_CLEAN(site, 64)};`, enabled: true },
    { type: 'CCMAIL', rule: `at ${ms(site)}`, enabled: false },
  ];
}

// ---------------------------------------------------------------------------------------------
// The SMTP rule's token language: %m alias, %g given name, %s surname, %i initials, %d display
// name, %rxy replace x with y in what follows (x = y deletes x), %% a literal '%'. As in Exchange,
// a number between % and the letter takes only that many leading characters: %1g%s → MClark.

type Piece = { literal: string } | { token: 'm' | 'g' | 's' | 'i' | 'd'; count?: number } | { replace: string; with: string };

function tokenize(template: string): Piece[] | { error: string } {
  const pieces: Piece[] = [];
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== '%') {
      pieces.push({ literal: ch });
      continue;
    }
    const rest = template.slice(i + 1);
    if (rest.startsWith('%')) {
      pieces.push({ literal: '%' });
      i += 1;
      continue;
    }
    if (rest.startsWith('r')) {
      if (rest.length < 3) return { error: "'%r' needs two characters after it: %rxy replaces x with y." };
      if (rest[1] === '%' || rest[2] === '%') return { error: "'%' cannot be replaced or be a replacement in %rxy." };
      pieces.push({ replace: rest[1], with: rest[2] });
      i += 3;
      continue;
    }
    const match = /^(\d{0,2})([mgsid])/.exec(rest);
    if (!match) {
      return { error: `'%${rest[0] ?? ''}' is not a Site Addressing token (use %m, %g, %s, %i, %d, %rxy or %%).` };
    }
    const count = match[1] ? Number(match[1]) : undefined;
    if (count === 0) return { error: `'%0${match[2]}' takes no characters.` };
    pieces.push({ token: match[2] as 'm' | 'g' | 's' | 'i' | 'd', count });
    i += match[0].length;
  }
  return pieces;
}

const TOKEN_FIELD = { m: 'alias', g: 'firstName', s: 'lastName', i: 'initials', d: 'displayName' } as const;

/** Expands tokens; `keep` drops characters the address type does not allow. */
function expand(pieces: Piece[], person: NameFields): string {
  const replacements: Array<[string, string]> = [];
  let out = '';
  for (const piece of pieces) {
    if ('literal' in piece) out += piece.literal;
    else if ('replace' in piece) replacements.push([piece.replace, piece.with]);
    else {
      let value = person[TOKEN_FIELD[piece.token]] ?? '';
      for (const [from, to] of replacements) value = value.split(from).join(from === to ? '' : to);
      out += piece.count ? value.slice(0, piece.count) : value;
    }
  }
  return out;
}

/** RFC 5321 atext plus '.', the characters a generated local part may keep. */
function cleanLocalPart(value: string): string {
  return value
    .replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]/g, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 64)
    .replace(/\.+$/, '');
}

function smtpRuleParts(rule: string): { template: string; domain: string } | null {
  const at = rule.lastIndexOf('@');
  if (at < 0) return null;
  // Exchange 5.5 showed the default rule as "@adatum.com": the alias at the domain.
  const template = rule.slice(0, at) === '' ? '%m' : rule.slice(0, at);
  return { template, domain: rule.slice(at + 1) };
}

/** The site SMTP domain ("adatum.com" of "%m@adatum.com"); always inbound (ROUTING.md). */
export function siteSmtpDomain(rules: { type: string; rule: string }[]): string | null {
  const smtp = rules.find((r) => r.type === 'SMTP');
  return smtp ? (smtpRuleParts(smtp.rule)?.domain ?? null) : null;
}

export function checkSiteAddressingRule(type: KnownAddressType, rule: string): AddressCheck {
  if (rule.trim() === '') return { ok: false, message: 'The generation rule is empty.' };
  switch (type) {
    case 'SMTP': {
      const parts = smtpRuleParts(rule);
      if (!parts) return { ok: false, message: "An SMTP rule needs '@' and a domain, for example %m@adatum.com or %g.%s@adatum.com." };
      if (parts.template.includes('@')) return { ok: false, message: "An SMTP rule has one '@', before the domain (for example %g.%s@adatum.com)." };
      const pieces = tokenize(parts.template);
      if ('error' in pieces) return { ok: false, message: pieces.error };
      const domainCheck = checkSmtpAddress(`x@${parts.domain}`);
      if (!domainCheck.ok) return { ok: false, message: domainCheck.message.replace("The part before '@'", 'The rule') };
      return { ok: true };
    }
    case 'MS':
      return checkMsPostoffice(rule);
    case 'X400': {
      const check = checkX400Address(rule);
      if (!check.ok) return check;
      const parsed = parseX400(rule);
      if (!('error' in parsed) && parsed.some(([key]) => ['s', 'g', 'i', 'q', 'cn'].includes(key))) {
        return { ok: false, message: 'The site X.400 rule names the site (c, a, p, o, ou); the surname and given name come from each recipient.' };
      }
      return { ok: true };
    }
    case 'CCMAIL':
      return /^at [A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(rule)
        ? { ok: true }
        : { ok: false, message: "A cc:Mail rule has the form 'at POSTOFFICE', for example 'at REDMOND'." };
  }
}

/**
 * The address a rule generates for a recipient, or null when the recipient's fields give nothing
 * to put in it. The caller validates the result with checkAddress and makes it unique.
 */
export function generateAddress(type: KnownAddressType, rule: string, person: NameFields): string | null {
  switch (type) {
    case 'SMTP': {
      const parts = smtpRuleParts(rule);
      if (!parts) return null;
      const pieces = tokenize(parts.template);
      if ('error' in pieces) return null;
      // "Characters not allowed in the address are dropped"; fall back to the alias when the
      // rule's fields are empty (for example %g.%s on a list with no first or last name).
      const local = cleanLocalPart(expand(pieces, person)) || cleanLocalPart(person.alias);
      return local ? `${local}@${parts.domain}` : null;
    }
    case 'MS': {
      const mailbox = person.alias.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 10);
      return mailbox ? `${rule.toUpperCase()}/${mailbox}` : null;
    }
    case 'X400': {
      const surname = X400_CLEAN(person.lastName, 40) || X400_CLEAN(person.alias, 40);
      if (!surname) return null;
      const given = X400_CLEAN(person.firstName, 16);
      const initials = X400_CLEAN(person.initials, 5);
      const base = rule.endsWith(';') ? rule : `${rule};`;
      return `${base}s=${surname};${given ? `g=${given};` : ''}${initials ? `i=${initials};` : ''}`;
    }
    case 'CCMAIL': {
      const clean = (v: string) => v.replace(/[^\x20-\x7e]/g, '').trim();
      // Test the cleaned fields: a last name of dropped characters must not leave ", Mark".
      const [last, first] = [clean(person.lastName), clean(person.firstName)];
      const name = last && first ? `${last}, ${first}` : last || clean(person.displayName) || clean(person.alias);
      return name ? `${name.slice(0, 126).trim()} ${rule}` : null;
    }
  }
}

/**
 * The n-th alternative of a generated address that is already taken (n ≥ 2), made the way
 * Exchange did: a number appended to the name part, shortening it to stay within the limits.
 */
export function numberedAlternative(type: KnownAddressType, address: string, n: number): string {
  const suffix = String(n);
  switch (type) {
    case 'SMTP': {
      const parts = splitSmtp(address)!;
      return `${parts.local.slice(0, 64 - suffix.length)}${suffix}@${parts.domain}`;
    }
    case 'MS': {
      const [net, po, mailbox] = address.split('/');
      return `${net}/${po}/${mailbox.slice(0, 10 - suffix.length)}${suffix}`;
    }
    case 'X400':
      return address.replace(/;s=([^;]*);/, (_, s: string) => `;s=${s.slice(0, 40 - suffix.length)}${suffix};`);
    case 'CCMAIL': {
      const at = address.lastIndexOf(' at ');
      return `${address.slice(0, at).slice(0, 126 - suffix.length)}${suffix}${address.slice(at)}`;
    }
  }
}
