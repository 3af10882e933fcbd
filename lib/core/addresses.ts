// Proxy address formats (Exchange Server 5.5 help, Appendix C; ../shared/ROUTING.md "The objects").
// Pure functions: no database, no clock. Shared by the forms (client) and the server.
import { parse as parseSmtp } from 'smtp-address-parser';
import { toASCII } from 'punycode.js';

/** The address types Exchange 5.5 Administrator offers under New (E-mail Addresses tab). */
export const KNOWN_ADDRESS_TYPES = ['SMTP', 'MS', 'X400', 'CCMAIL'] as const;
export type KnownAddressType = (typeof KNOWN_ADDRESS_TYPES)[number];

/** Labels of the New E-mail Address dialog, in Exchange's words. */
export const ADDRESS_TYPE_LABELS: Record<KnownAddressType, string> = {
  SMTP: 'Internet Address',
  MS: 'Microsoft Mail Address',
  X400: 'X.400 Address',
  CCMAIL: 'cc:Mail Address',
};

export function isKnownAddressType(type: string): type is KnownAddressType {
  return (KNOWN_ADDRESS_TYPES as readonly string[]).includes(type);
}

export type AddressCheck = { ok: true } | { ok: false; message: string };

const ok: AddressCheck = { ok: true };
const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * Type names of "Other Address" proxies (e.g. NOTES, GWISE, FAX). Exchange stores the type
 * upper-cased in the proxy prefix; we allow letters, digits and '-' up to 16 characters, with at
 * least one letter: the case of the prefix is what marks the reply address (`SMTP:` / `smtp:`),
 * and a type of digits alone could not show it.
 */
const OTHER_TYPE = /^(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{0,15}$/;

/** Normalises a type as typed ("smtp", "Internet Address" is not accepted) to its stored form. */
export function normalizeAddressType(type: string): string {
  // The four known types as stored (`SMTP`, `MS`, ...) are already normalised: skip the string work.
  return isKnownAddressType(type) ? type : type.trim().toUpperCase();
}

export function checkAddressType(type: string): AddressCheck {
  return checkNormalizedType(normalizeAddressType(type));
}

function checkNormalizedType(t: string): AddressCheck {
  if (isKnownAddressType(t)) return ok;
  if (t === '') return fail('The address type is empty.');
  if (!OTHER_TYPE.test(t)) {
    return fail('The address type must be 1–16 letters, digits or hyphens, with at least one letter (for example SMTP, MS, X400, NOTES).');
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// SMTP (RFC 5321)

const SMTP_LOCAL_MAX = 64;
const SMTP_DOMAIN_MAX = 255;
const SMTP_LABEL_MAX = 63;

export type SmtpParts = { local: string; domain: string };

/** Splits at the last '@' (a quoted local part may contain '@'). */
export function splitSmtp(address: string): SmtpParts | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The domain in ASCII (IDNA) form, lower-cased; null when it cannot be converted. */
export function asciiDomain(domain: string): string | null {
  // Fast path (the routing resolver calls this per lookup): an ASCII name encodes to itself.
  if (!NON_ASCII.test(domain)) return domain.toLowerCase();
  try {
    // Lower-case before encoding: punycode keeps case, so EXÄMPLE.com and exämple.com would
    // otherwise encode to different ASCII names (IDNA maps both to the lower-case form).
    return toASCII(domain.toLowerCase()).toLowerCase();
  } catch {
    return null;
  }
}

/**
 * RFC 5321 Dot-string: runs of atext (letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~)
 * with single dots between them. Nearly every local part is one, and this test is all it needs;
 * anything else (a quoted string, or a mistake) goes to the full parser, which has the last word.
 * It accepts a subset of what the parser accepts (addresses.test.ts checks that), so the fast
 * path changes no verdict and no message.
 */
const DOT_STRING = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+)*$/;

/** True for a local part written as a Dot-string (`bob`, `Mark.Clark`, `bob+tag`); false for a quoted one. */
export function isDotString(local: string): boolean {
  return DOT_STRING.test(local);
}

export function checkSmtpAddress(address: string): AddressCheck {
  const read = readSmtpAddress(address);
  return read.ok ? ok : read;
}

/**
 * A valid SMTP address split at its last '@'. `domainKey` is the domain as addresses are compared
 * (proxyUniqueKey): in ASCII (IDNA) lower-case form.
 */
export type SmtpAddress = { local: string; domain: string; domainKey: string };

export type ReadSmtpAddress = { ok: true; smtp: SmtpAddress } | { ok: false; message: string };

/** checkSmtpAddress, handing back the parts of a valid address so that they need not be found again. */
export function readSmtpAddress(address: string): ReadSmtpAddress {
  if (address.trim() !== address) return fail('The Internet address must not begin or end with spaces.');
  const parts = splitSmtp(address);
  if (!parts) return fail("An Internet address must have the form name@domain (for example bob@adatum.com).");
  const { local, domain } = parts;
  if (local.length > SMTP_LOCAL_MAX) {
    return fail(`The part before '@' is ${local.length} characters long; the limit is ${SMTP_LOCAL_MAX}.`);
  }
  // Exchange 5.5 predates internationalised mailboxes (RFC 6531): the local part must be ASCII.
  if (/[^\x20-\x7e]/.test(local)) return fail("The part before '@' may only contain ASCII characters.");
  const checked = checkSmtpDomain(domain);
  if (checked.problem !== null) return fail(checked.problem);
  const smtp: ReadSmtpAddress = { ok: true, smtp: { local, domain, domainKey: checked.key } };
  if (isDotString(local)) return smtp;
  // The domain is checked above; the parser checks the local part only. (Given the real domain it
  // would also apply its own DNS limits — 253 characters, a top-level label of 2 — and report them
  // as a fault of the part before '@'.)
  try {
    parseSmtp(`${local}@adatum.com`);
  } catch {
    return fail("The part before '@' is not valid: use letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ with single dots between them, or a quoted string.");
  }
  return smtp;
}

/** What checkSmtpAddress learns of a domain: null or the reason it is refused, and its key. */
type CheckedDomain = { problem: string | null; key: string };

/**
 * Domains already checked. The routing resolver checks the same few domains over and over; what
 * is learnt depends on the domain's text alone, so keeping it changes no answer. The cache is
 * emptied when it reaches DOMAIN_CACHE_MAX entries, so it never grows without bound.
 */
const checkedDomains = new Map<string, CheckedDomain>();
const DOMAIN_CACHE_MAX = 4096;

/** The domain half of checkSmtpAddress. */
function checkSmtpDomain(domain: string): CheckedDomain {
  let checked = checkedDomains.get(domain);
  if (checked === undefined) {
    checked = { problem: smtpDomainProblem(domain), key: asciiDomain(domain) ?? domain.toLowerCase() };
    if (checkedDomains.size >= DOMAIN_CACHE_MAX) checkedDomains.clear();
    checkedDomains.set(domain, checked);
  }
  return checked;
}

function smtpDomainProblem(domain: string): string | null {
  if (domain.startsWith('[')) {
    if (!/^\[(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\]$/.test(domain) ||
      domain.slice(1, -1).split('.').some((n) => Number(n) > 255)) {
      return 'An address literal must be an IPv4 address in brackets, for example [192.0.2.1].';
    }
    return null;
  }
  const ascii = asciiDomain(domain);
  if (ascii === null) return `The domain '${domain}' is not a valid domain name.`;
  if (ascii.length > SMTP_DOMAIN_MAX) return `The domain is ${ascii.length} characters long; the limit is ${SMTP_DOMAIN_MAX}.`;
  const labels = ascii.split('.');
  if (labels.length < 2) return `The domain '${domain}' must be fully qualified (for example adatum.com).`;
  for (const label of labels) {
    if (label.length === 0) return `The domain '${domain}' has an empty label (two dots in a row, or a dot at an end).`;
    if (label.length > SMTP_LABEL_MAX) return `The domain label '${label}' is longer than ${SMTP_LABEL_MAX} characters.`;
    if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(label)) return `The domain label '${label}' may only contain letters, digits and inner hyphens.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Microsoft Mail: NETWORK/POSTOFFICE/MAILBOX, each 1–10 letters or digits, case-insensitive.

const MS_PART = /^[A-Za-z0-9]{1,10}$/;
const MS_PART_NAMES = ['network', 'postoffice', 'mailbox'] as const;

/** One part of an MS Mail name (network, postoffice or mailbox): 1–10 letters or digits. */
export function checkMsName(value: string, part: (typeof MS_PART_NAMES)[number]): AddressCheck {
  if (value === '') return fail(`The ${part} name is empty.`);
  return MS_PART.test(value) ? ok : fail(`The ${part} name '${value}' must be 1–10 letters or digits.`);
}

export function checkMsAddress(address: string): AddressCheck {
  const parts = address.split('/');
  if (parts.length !== 3) {
    return fail('A Microsoft Mail address must have the form NETWORK/POSTOFFICE/MAILBOX (for example ADATUM/REDMOND/BOB).');
  }
  for (let i = 0; i < 3; i++) {
    if (!MS_PART.test(parts[i])) {
      return fail(`The ${MS_PART_NAMES[i]} name '${parts[i]}' must be 1–10 letters or digits.`);
    }
  }
  return ok;
}

/** NETWORK/POSTOFFICE, as on Site Addressing and the MS Mail Connector. */
export function checkMsPostoffice(value: string): AddressCheck {
  const parts = value.split('/');
  if (parts.length !== 2) return fail('A postoffice must have the form NETWORK/POSTOFFICE (for example ADATUM/REDMOND).');
  for (let i = 0; i < 2; i++) {
    if (!MS_PART.test(parts[i])) return fail(`The ${MS_PART_NAMES[i]} name '${parts[i]}' must be 1–10 letters or digits.`);
  }
  return ok;
}

// ---------------------------------------------------------------------------------------------
// X.400 in mnemonic O/R form: c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;

type X400Field = { name: string; min: number; max: number; pattern?: RegExp; hint?: string };

const X400_FIELDS: Record<string, X400Field> = {
  c: { name: 'country (c)', min: 2, max: 3, pattern: /^(?:[A-Za-z]{2}|\d{3})$/, hint: '2 letters or 3 digits' },
  a: { name: 'ADMD (a)', min: 1, max: 16 },
  p: { name: 'PRMD (p)', min: 1, max: 16 },
  o: { name: 'organization (o)', min: 1, max: 64 },
  ou1: { name: 'organizational unit (ou1)', min: 1, max: 32 },
  ou2: { name: 'organizational unit (ou2)', min: 1, max: 32 },
  ou3: { name: 'organizational unit (ou3)', min: 1, max: 32 },
  ou4: { name: 'organizational unit (ou4)', min: 1, max: 32 },
  s: { name: 'surname (s)', min: 1, max: 40 },
  g: { name: 'given name (g)', min: 1, max: 16 },
  i: { name: 'initials (i)', min: 1, max: 5 },
  q: { name: 'generation qualifier (q)', min: 1, max: 3 },
  cn: { name: 'common name (cn)', min: 1, max: 64 },
};

/** X.400 printable-string characters (plus space), the set the O/R attributes allow. */
const X400_PRINTABLE = /^[A-Za-z0-9 '()+,\-./:?]*$/;

export type X400Attributes = Array<[key: string, value: string]>;

/** Parses "k=v;k=v;" into attribute pairs; null when the shape is wrong. */
export function parseX400(address: string): X400Attributes | { error: string } {
  const body = address.endsWith(';') ? address.slice(0, -1) : address;
  if (body === '') return { error: 'The X.400 address is empty.' };
  const pairs: X400Attributes = [];
  for (const piece of body.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) return { error: `'${piece}' is not of the form attribute=value (for example o=REDMOND).` };
    pairs.push([piece.slice(0, eq).trim().toLowerCase(), piece.slice(eq + 1)]);
  }
  return pairs;
}

export function checkX400Address(address: string): AddressCheck {
  const parsed = parseX400(address);
  if ('error' in parsed) return fail(parsed.error);
  const seen = new Set<string>();
  for (const [key, value] of parsed) {
    const field = X400_FIELDS[key];
    if (!field) return fail(`'${key}' is not an X.400 attribute (use c, a, p, o, ou1–ou4, s, g, i, q).`);
    if (seen.has(key)) return fail(`The ${field.name} appears twice.`);
    seen.add(key);
    if (value.length < field.min || value.length > field.max) {
      return fail(`The ${field.name} must be ${field.min === field.max ? field.min : `${field.min}–${field.max}`} characters; '${value}' has ${value.length}.`);
    }
    if (field.pattern && !field.pattern.test(value)) return fail(`The ${field.name} must be ${field.hint}; '${value}' is not.`);
    if (!X400_PRINTABLE.test(value)) {
      return fail(`The ${field.name} '${value}' contains a character X.400 does not allow (use letters, digits, spaces and ' ( ) + , - . / : ?).`);
    }
  }
  if (!seen.has('c')) return fail('An X.400 address needs a country (c=).');
  if (!seen.has('a')) return fail("An X.400 address needs an ADMD (a=); use a single space ('a= ') for none.");
  if ((seen.has('g') || seen.has('i')) && !seen.has('s')) return fail('An X.400 address with a given name or initials needs a surname (s=).');
  return ok;
}

// ---------------------------------------------------------------------------------------------
// cc:Mail: "Last, First at POSTOFFICE"

const CCMAIL = /^(.+) at ([A-Za-z0-9][A-Za-z0-9_-]{0,31})$/;

export function checkCcMailAddress(address: string): AddressCheck {
  const match = CCMAIL.exec(address);
  if (!match) return fail("A cc:Mail address must have the form 'Name at POSTOFFICE' (for example 'Clark, Mark at REDMOND').");
  const name = match[1];
  if (name.trim() !== name || name.length > 126) return fail('The cc:Mail name must be 1–126 characters without leading or trailing spaces.');
  if (/[^\x20-\x7e]/.test(name)) return fail('The cc:Mail name may only contain ASCII characters.');
  return ok;
}

// ---------------------------------------------------------------------------------------------

/** Checks an address of any type by that type's format. Other types: free text, not empty. */
export function checkAddress(type: string, address: string): AddressCheck {
  const read = readAddress(type, address);
  return read.ok ? ok : read;
}

/** checkAddress, handing back the parts of a valid SMTP address (null for other types). */
export function readAddress(type: string, address: string): { ok: true; smtp: SmtpAddress | null } | { ok: false; message: string } {
  const t = normalizeAddressType(type);
  const typeCheck = checkNormalizedType(t);
  if (!typeCheck.ok) return typeCheck;
  if (address.length === 0) return fail('The address is empty.');
  if (address.length > 1024) return fail('The address is longer than 1024 characters.');
  switch (t) {
    case 'SMTP':
      return readSmtpAddress(address);
    case 'MS':
      return notSmtp(checkMsAddress(address));
    case 'X400':
      return notSmtp(checkX400Address(address));
    case 'CCMAIL':
      return notSmtp(checkCcMailAddress(address));
    default:
      if (address.trim() === '') return fail('The address is empty.');
      if (/[\r\n\t]/.test(address)) return fail('The address must not contain line breaks or tabs.');
      return NOT_SMTP;
  }
}

const NOT_SMTP = { ok: true, smtp: null } as const;
const notSmtp = (check: AddressCheck) => (check.ok ? NOT_SMTP : check);

/**
 * The normalised form behind organisation-wide uniqueness (the database's unique index).
 * SMTP and MS compare case-insensitively (ROUTING.md). We fold X.400 and cc:Mail too: X.400
 * matches printable-string attributes without regard to case, and cc:Mail names are
 * case-insensitive. Other types are compared exactly as typed. An IDN domain compares in its
 * ASCII form, so `bob@exämple.com` and `bob@xn--exmple-cua.com` are the same address.
 */
export function proxyUniqueKey(type: string, address: string): string {
  const t = normalizeAddressType(type);
  switch (t) {
    case 'SMTP': {
      // An ASCII address needs no IDNA conversion: its key is the whole address in lower case.
      if (!NON_ASCII.test(address)) return `SMTP:${address.toLowerCase()}`;
      const parts = splitSmtp(address);
      return parts ? smtpUniqueKey(parts.local, asciiDomain(parts.domain) ?? parts.domain.toLowerCase()) : `SMTP:${address.toLowerCase()}`;
    }
    case 'MS':
    case 'X400':
    case 'CCMAIL':
      return `${t}:${address.toLowerCase()}`;
    default:
      return `${t}:${address}`;
  }
}

/**
 * Whether two addresses of one type are the same proxy address: proxyUniqueKey(type, a) ===
 * proxyUniqueKey(type, b), deciding without building the keys where it can.
 */
export function sameProxyAddress(type: string, a: string, b: string): boolean {
  if (a === b) return true;
  // The key of an ASCII address is the address behind its type, lower-cased or as it is: two
  // ASCII addresses of different lengths never share a key.
  if (a.length !== b.length && !NON_ASCII.test(a) && !NON_ASCII.test(b)) return false;
  return proxyUniqueKey(type, a) === proxyUniqueKey(type, b);
}

/**
 * proxyUniqueKey of an SMTP address already split at its last '@', its domain already in ASCII
 * lower-case form (asciiDomain): the routing resolver has both at hand for every lookup.
 */
export function smtpUniqueKey(local: string, asciiDomain: string): string {
  return `SMTP:${local.toLowerCase()}@${asciiDomain}`;
}

export type WrittenAddress = { type: string; address: string; primary: boolean };

/**
 * Parses Exchange's written form `TYPE:address`: an upper-case prefix marks the reply (primary)
 * address, a lower-case one a secondary address (`SMTP:bob@adatum.com`, `smtp:bob@cpandl.net`).
 */
export function parseWrittenAddress(written: string): WrittenAddress | null {
  const colon = written.indexOf(':');
  if (colon <= 0) return null;
  const prefix = written.slice(0, colon);
  const address = written.slice(colon + 1);
  if (!/^[A-Za-z0-9-]+$/.test(prefix)) return null;
  return { type: prefix.toUpperCase(), address, primary: prefix === prefix.toUpperCase() && /[A-Z]/.test(prefix) };
}

export function formatWrittenAddress({ type, address, primary }: WrittenAddress): string {
  return `${primary ? type.toUpperCase() : type.toLowerCase()}:${address}`;
}
