import fc from 'fast-check';
import { parse as parseSmtp } from 'smtp-address-parser';
import { describe, expect, it } from 'vitest';
import {
  asciiDomain,
  checkAddress,
  checkAddressType,
  checkCcMailAddress,
  checkMsAddress,
  checkMsPostoffice,
  checkSmtpAddress,
  checkX400Address,
  formatWrittenAddress,
  isDotString,
  isKnownAddressType,
  normalizeAddressType,
  parseWrittenAddress,
  parseX400,
  proxyUniqueKey,
  readAddress,
  readSmtpAddress,
  sameProxyAddress,
  smtpUniqueKey,
  splitSmtp,
} from './addresses';

/** The message of a failed check, or 'ok' — so a test shows which rule refused. */
const verdict = (check: { ok: true } | { ok: false; message: string }) => (check.ok ? 'ok' : check.message);

describe('address types', () => {
  it('knows the four types of the New E-mail Address dialog', () => {
    expect(['SMTP', 'MS', 'X400', 'CCMAIL'].map(isKnownAddressType)).toEqual([true, true, true, true]);
    expect(isKnownAddressType('smtp')).toBe(false);
    expect(isKnownAddressType('NOTES')).toBe(false);
  });

  it('stores a type trimmed and upper-cased', () => {
    expect(normalizeAddressType('  smtp ')).toBe('SMTP');
    expect(normalizeAddressType('Notes')).toBe('NOTES');
  });

  it('accepts other type names of letters, digits and hyphens up to 16 characters', () => {
    for (const type of ['NOTES', 'gwise', 'FAX', 'X400', 'A', 'X-CUSTOM-2', 'ABCDEFGHIJKLMNOP']) {
      expect(verdict(checkAddressType(type)), type).toBe('ok');
    }
  });

  it('refuses an empty type, a long type, a type with other characters and a type of digits alone', () => {
    expect(verdict(checkAddressType('  '))).toBe('The address type is empty.');
    for (const type of ['ABCDEFGHIJKLMNOPQ', 'MS MAIL', 'cc:mail', '-NOTES', 'NOTÉS', '400', '4-0']) {
      expect(verdict(checkAddressType(type)), type).toMatch(/^The address type must be 1–16 letters, digits or hyphens/);
    }
  });
});

describe('SMTP addresses (RFC 5321)', () => {
  it('splits at the last @, so a quoted local part may hold one', () => {
    expect(splitSmtp('bob@adatum.com')).toEqual({ local: 'bob', domain: 'adatum.com' });
    expect(splitSmtp('"a@b"@adatum.com')).toEqual({ local: '"a@b"', domain: 'adatum.com' });
    expect(splitSmtp('@adatum.com')).toBeNull();
    expect(splitSmtp('bob@')).toBeNull();
    expect(splitSmtp('bob')).toBeNull();
  });

  it('accepts ordinary, dotted, atext-rich and quoted local parts', () => {
    for (const address of [
      'bob@adatum.com',
      'Mark.Clark@microsoft.com',
      "a{|}~`^#$%&'*+-/=?_!@adatum.com",
      '"a b"@adatum.com',
      '"a@b"@adatum.com',
      'administrator@internal.adatum.com',
      'user1@example.microsoft.com',
      'BOB@ADATUM.COM',
    ]) {
      expect(verdict(checkSmtpAddress(address)), address).toBe('ok');
    }
  });

  it('refuses a local part with a leading, trailing or double dot, or an unquoted space', () => {
    for (const address of ['.bob@adatum.com', 'bob.@adatum.com', 'a..b@adatum.com', 'a b@adatum.com', 'a<b@adatum.com']) {
      expect(verdict(checkSmtpAddress(address)), address).toMatch(/^The part before '@' is not valid/);
    }
  });

  it('refuses what is not name@domain', () => {
    for (const address of ['bob', 'bob@', '@adatum.com', '']) {
      expect(verdict(checkSmtpAddress(address)), address).toBe(
        'An Internet address must have the form name@domain (for example bob@adatum.com).',
      );
    }
  });

  it('refuses leading or trailing spaces', () => {
    expect(verdict(checkSmtpAddress(' bob@adatum.com'))).toBe('The Internet address must not begin or end with spaces.');
    expect(verdict(checkSmtpAddress('bob@adatum.com '))).toBe('The Internet address must not begin or end with spaces.');
  });

  it('allows a local part of 64 characters and refuses 65', () => {
    expect(verdict(checkSmtpAddress(`${'a'.repeat(64)}@adatum.com`))).toBe('ok');
    expect(verdict(checkSmtpAddress(`${'a'.repeat(65)}@adatum.com`))).toBe("The part before '@' is 65 characters long; the limit is 64.");
  });

  it('refuses a non-ASCII local part (Exchange 5.5 predates RFC 6531)', () => {
    expect(verdict(checkSmtpAddress('josé@adatum.com'))).toBe("The part before '@' may only contain ASCII characters.");
  });

  it('allows a domain of 255 characters and refuses 256', () => {
    // Four labels of 63 plus three dots = 255.
    const label = 'a'.repeat(63);
    const domain255 = [label, label, label, label.slice(0, 60) + 'com'].join('.');
    expect(domain255).toHaveLength(255);
    expect(verdict(checkSmtpAddress(`bob@${domain255}`))).toBe('ok');
    const domain256 = [label, label, label, label.slice(0, 62), 'c'].join('.');
    expect(domain256).toHaveLength(256);
    expect(verdict(checkSmtpAddress(`bob@${domain256}`))).toBe('The domain is 256 characters long; the limit is 255.');
    const domain257 = `x.${domain255}`;
    expect(verdict(checkSmtpAddress(`bob@${domain257}`))).toBe('The domain is 257 characters long; the limit is 255.');
  });

  it('allows a label of 63 characters and refuses 64', () => {
    expect(verdict(checkSmtpAddress(`bob@${'a'.repeat(63)}.com`))).toBe('ok');
    expect(verdict(checkSmtpAddress(`bob@${'a'.repeat(64)}.com`))).toBe(`The domain label '${'a'.repeat(64)}' is longer than 63 characters.`);
  });

  it('requires a fully qualified domain without empty labels', () => {
    expect(verdict(checkSmtpAddress('bob@localhost'))).toBe("The domain 'localhost' must be fully qualified (for example adatum.com).");
    expect(verdict(checkSmtpAddress('bob@adatum.com.'))).toBe(
      "The domain 'adatum.com.' has an empty label (two dots in a row, or a dot at an end).",
    );
    expect(verdict(checkSmtpAddress('bob@adatum..com'))).toBe(
      "The domain 'adatum..com' has an empty label (two dots in a row, or a dot at an end).",
    );
    expect(verdict(checkSmtpAddress('bob@.adatum.com'))).toBe(
      "The domain '.adatum.com' has an empty label (two dots in a row, or a dot at an end).",
    );
  });

  it('accepts a one-letter or numeric top-level label (RFC 5321 syntax, not the DNS root zone)', () => {
    expect(verdict(checkSmtpAddress('bob@adatum.c'))).toBe('ok');
    expect(verdict(checkSmtpAddress('bob@x.123'))).toBe('ok');
  });

  it('allows inner hyphens in a label but not leading or trailing ones, nor other characters', () => {
    expect(verdict(checkSmtpAddress('bob@a-datum.com'))).toBe('ok');
    expect(verdict(checkSmtpAddress('bob@-adatum.com'))).toBe("The domain label '-adatum' may only contain letters, digits and inner hyphens.");
    expect(verdict(checkSmtpAddress('bob@adatum-.com'))).toBe("The domain label 'adatum-' may only contain letters, digits and inner hyphens.");
    expect(verdict(checkSmtpAddress('bob@ada_tum.com'))).toBe("The domain label 'ada_tum' may only contain letters, digits and inner hyphens.");
    expect(verdict(checkSmtpAddress('bob@ada tum.com'))).toBe("The domain label 'ada tum' may only contain letters, digits and inner hyphens.");
  });

  it('accepts an internationalised domain and checks its ASCII form', () => {
    expect(verdict(checkSmtpAddress('bob@exämple.com'))).toBe('ok');
    expect(verdict(checkSmtpAddress('bob@bücher.example'))).toBe('ok');
    expect(verdict(checkSmtpAddress('bob@xn--exmple-cua.com'))).toBe('ok');
    // 62 'ä' encode to far more than 63 ASCII characters.
    expect(verdict(checkSmtpAddress(`bob@${'ä'.repeat(62)}.com`))).toMatch(/^The domain label 'xn--[a-z0-9-]+' is longer than 63 characters\.$/);
  });

  it('gives the ASCII form of a domain, lower-cased whatever the case typed', () => {
    expect(asciiDomain('exämple.com')).toBe('xn--exmple-cua.com');
    expect(asciiDomain('EXÄMPLE.COM')).toBe('xn--exmple-cua.com');
    expect(asciiDomain('Adatum.COM')).toBe('adatum.com');
  });

  it('accepts an IPv4 address literal and refuses others', () => {
    expect(verdict(checkSmtpAddress('bob@[192.0.2.1]'))).toBe('ok');
    expect(verdict(checkSmtpAddress('bob@[255.255.255.255]'))).toBe('ok');
    const literalMessage = 'An address literal must be an IPv4 address in brackets, for example [192.0.2.1].';
    for (const address of ['bob@[256.0.2.1]', 'bob@[192.0.2]', 'bob@[192.0.2.1', 'bob@[mail.adatum.com]', 'bob@[IPv6:2001:db8::1]']) {
      expect(verdict(checkSmtpAddress(address)), address).toBe(literalMessage);
    }
  });
});

describe('SMTP local parts: the Dot-string fast path and the parser', () => {
  const LOCAL_MESSAGE = "The part before '@' is not valid: use letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~ with single dots between them, or a quoted string.";
  /** What the full parser says of a local part, as checkSmtpAddress asks it. */
  const parserAccepts = (local: string) => {
    try {
      parseSmtp(`${local}@adatum.com`);
      return true;
    } catch {
      return false;
    }
  };

  it('takes atext runs with single dots between them as a Dot-string', () => {
    for (const local of ['bob', 'bob.kelly+x', 'Mark.Clark', "a{|}~`^#$%&'*+-/=?_!", 'u000001', 'a.b.c']) {
      expect(isDotString(local), local).toBe(true);
      expect(verdict(checkSmtpAddress(`${local}@adatum.com`)), local).toBe('ok');
    }
  });

  it('leaves quoted strings and malformed local parts to the parser, which keeps its verdicts and message', () => {
    for (const local of ['"a b"', '"a@b"', '"a:b"', '"a\\"b"']) {
      expect(isDotString(local), local).toBe(false);
      expect(verdict(checkSmtpAddress(`${local}@adatum.com`)), local).toBe('ok');
    }
    for (const local of ['a..b', '.a', 'a.', 'a b', 'a<b', 'a"b', '"a', '']) {
      expect(isDotString(local), local).toBe(false);
    }
    for (const address of ['a..b@adatum.com', '.a@adatum.com', 'a.@adatum.com', 'a b@adatum.com', 'a<b@adatum.com']) {
      expect(verdict(checkSmtpAddress(address)), address).toBe(LOCAL_MESSAGE);
    }
  });

  it('property: the fast path accepts only what the parser accepts (a Dot-string alphabet and any ASCII)', () => {
    const dotAlphabet = fc.string({ unit: fc.constantFrom(...".a.Z.0.!#$%&'*+-/=?^_`{|}~".split('')), minLength: 1, maxLength: 64 });
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 64 });
    fc.assert(
      fc.property(fc.oneof(dotAlphabet, ascii), (local) => {
        if (isDotString(local)) expect(parserAccepts(local), local).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: checkSmtpAddress gives the parser\'s verdict on any ASCII local part', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 64 });
    fc.assert(
      fc.property(ascii, (local) => {
        fc.pre(!local.includes('@') && local.trim() === local);
        expect(verdict(checkSmtpAddress(`${local}@adatum.com`)), local).toBe(parserAccepts(local) ? 'ok' : LOCAL_MESSAGE);
      }),
      { numRuns: 2000 },
    );
  });

  it('hands back the parts of a valid address, the domain also in the form keys use', () => {
    expect(readSmtpAddress('Bob.Kelly@EXÄMPLE.com')).toEqual({ ok: true, smtp: { local: 'Bob.Kelly', domain: 'EXÄMPLE.com', domainKey: 'xn--exmple-cua.com' } });
    expect(readSmtpAddress('"a@b"@[192.0.2.1]')).toEqual({ ok: true, smtp: { local: '"a@b"', domain: '[192.0.2.1]', domainKey: '[192.0.2.1]' } });
    expect(readSmtpAddress('a..b@adatum.com')).toEqual(checkSmtpAddress('a..b@adatum.com'));
    expect(readAddress('smtp', 'bob@Adatum.com')).toEqual({ ok: true, smtp: { local: 'bob', domain: 'Adatum.com', domainKey: 'adatum.com' } });
    expect(readAddress('MS', 'ADATUM/REDMOND/BOB')).toEqual({ ok: true, smtp: null });
    expect(readAddress('NOTES', 'Bob/Adatum')).toEqual({ ok: true, smtp: null });
    for (const [type, address] of [['SMTP', ''], ['SMTP', 'bob'], ['MS', 'A/B'], ['', 'x'], ['NOTES', ' ']]) {
      expect(readAddress(type, address), `${type}:${address}`).toEqual(checkAddress(type, address));
    }
  });

  it('gives the same domain verdicts however many domains it has checked before (the verdict cache is bounded)', () => {
    const domains = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `d${i}..com` : i % 3 === 1 ? `d${i}.example` : `-d${i}.com`));
    const first = domains.map((d) => verdict(checkSmtpAddress(`bob@${d}`)));
    expect(first[0]).toBe("The domain 'd0..com' has an empty label (two dots in a row, or a dot at an end).");
    expect(first[1]).toBe('ok');
    expect(first[2]).toBe("The domain label '-d2' may only contain letters, digits and inner hyphens.");
    expect(domains.map((d) => verdict(checkSmtpAddress(`bob@${d}`)))).toEqual(first);
  });
});

describe('Microsoft Mail addresses', () => {
  it('accepts NETWORK/POSTOFFICE/MAILBOX, each 1–10 letters or digits, any case', () => {
    for (const address of ['ADATUM/REDMOND/BOB', 'adatum/redmond/bob', 'A/B/C', 'NETWORK123/POSTOFFIC1/MAILBOX001']) {
      expect(verdict(checkMsAddress(address)), address).toBe('ok');
    }
  });

  it('refuses the wrong number of parts', () => {
    const shape = 'A Microsoft Mail address must have the form NETWORK/POSTOFFICE/MAILBOX (for example ADATUM/REDMOND/BOB).';
    for (const address of ['ADATUM/REDMOND', 'ADATUM/REDMOND/BOB/X', 'BOB']) {
      expect(verdict(checkMsAddress(address)), address).toBe(shape);
    }
  });

  it('names the part that is too long, empty or has other characters', () => {
    expect(verdict(checkMsAddress('ABCDEFGHIJK/REDMOND/BOB'))).toBe("The network name 'ABCDEFGHIJK' must be 1–10 letters or digits.");
    expect(verdict(checkMsAddress('ADATUM/RED MOND/BOB'))).toBe("The postoffice name 'RED MOND' must be 1–10 letters or digits.");
    expect(verdict(checkMsAddress('ADATUM/REDMOND/'))).toBe("The mailbox name '' must be 1–10 letters or digits.");
    expect(verdict(checkMsAddress('ADATUM/REDMOND/BOB_S'))).toBe("The mailbox name 'BOB_S' must be 1–10 letters or digits.");
  });

  it('checks a postoffice NETWORK/POSTOFFICE the same way', () => {
    expect(verdict(checkMsPostoffice('ADATUM/REDMOND'))).toBe('ok');
    expect(verdict(checkMsPostoffice('ADATUM/REDMOND/BOB'))).toBe(
      'A postoffice must have the form NETWORK/POSTOFFICE (for example ADATUM/REDMOND).',
    );
    expect(verdict(checkMsPostoffice('ADATUM/REDMOND123'))).toBe('ok');
    expect(verdict(checkMsPostoffice('ADATUM/REDMOND1234'))).toBe("The postoffice name 'REDMOND1234' must be 1–10 letters or digits.");
  });
});

describe('X.400 addresses (mnemonic O/R form)', () => {
  it('accepts the form of ROUTING.md, with or without the final semicolon', () => {
    expect(verdict(checkX400Address('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;'))).toBe('ok');
    expect(verdict(checkX400Address('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark'))).toBe('ok');
    expect(verdict(checkX400Address('c=US;a= ;'))).toBe('ok');
    expect(verdict(checkX400Address('C=us;A=MCI;S=Clark;'))).toBe('ok');
    expect(verdict(checkX400Address('c=840;a=ATTMAIL;p=ADATUM;o=REDMOND;ou1=SALES;s=Clark;i=M;'))).toBe('ok');
  });

  it('parses attribute pairs, keys lower-cased and values as typed', () => {
    expect(parseX400('C=US;a= ;p=ADATUM;')).toEqual([
      ['c', 'US'],
      ['a', ' '],
      ['p', 'ADATUM'],
    ]);
    expect(parseX400('')).toEqual({ error: 'The X.400 address is empty.' });
    expect(parseX400(';')).toEqual({ error: 'The X.400 address is empty.' });
    expect(parseX400('c=US;REDMOND;')).toEqual({ error: "'REDMOND' is not of the form attribute=value (for example o=REDMOND)." });
    expect(parseX400('c=US;=x;')).toEqual({ error: "'=x' is not of the form attribute=value (for example o=REDMOND)." });
  });

  it('takes a country of 2 letters or 3 digits', () => {
    expect(verdict(checkX400Address('c=GB;a= ;'))).toBe('ok');
    expect(verdict(checkX400Address('c=826;a= ;'))).toBe('ok');
    expect(verdict(checkX400Address('c=USA;a= ;'))).toBe("The country (c) must be 2 letters or 3 digits; 'USA' is not.");
    expect(verdict(checkX400Address('c=U1;a= ;'))).toBe("The country (c) must be 2 letters or 3 digits; 'U1' is not.");
    expect(verdict(checkX400Address('c=U;a= ;'))).toBe("The country (c) must be 2–3 characters; 'U' has 1.");
    expect(verdict(checkX400Address('c=8401;a= ;'))).toBe("The country (c) must be 2–3 characters; '8401' has 4.");
  });

  it('requires c and a', () => {
    expect(verdict(checkX400Address('a= ;p=ADATUM;'))).toBe('An X.400 address needs a country (c=).');
    expect(verdict(checkX400Address('c=US;p=ADATUM;'))).toBe("An X.400 address needs an ADMD (a=); use a single space ('a= ') for none.");
  });

  it('holds each attribute to its length: a and p 1–16, o up to 64, s up to 40, g up to 16', () => {
    const cases: Array<[string, number, string]> = [
      ['a', 16, 'ADMD (a)'],
      ['p', 16, 'PRMD (p)'],
      ['o', 64, 'organization (o)'],
      ['s', 40, 'surname (s)'],
      ['g', 16, 'given name (g)'],
    ];
    for (const [key, max, name] of cases) {
      const base = key === 'a' ? 'c=US;' : 'c=US;a= ;';
      const tail = key === 'g' ? 's=Clark;' : '';
      expect(verdict(checkX400Address(`${base}${key}=${'x'.repeat(max)};${tail}`)), `${key} at ${max}`).toBe('ok');
      expect(verdict(checkX400Address(`${base}${key}=${'x'.repeat(max + 1)};${tail}`)), `${key} at ${max + 1}`).toBe(
        `The ${name} must be 1–${max} characters; '${'x'.repeat(max + 1)}' has ${max + 1}.`,
      );
      expect(verdict(checkX400Address(`${base}${key}=;${tail}`)), `${key} empty`).toBe(`The ${name} must be 1–${max} characters; '' has 0.`);
    }
  });

  it('requires a surname when there is a given name or initials', () => {
    const message = 'An X.400 address with a given name or initials needs a surname (s=).';
    expect(verdict(checkX400Address('c=US;a= ;p=ADATUM;o=REDMOND;g=Mark;'))).toBe(message);
    expect(verdict(checkX400Address('c=US;a= ;p=ADATUM;o=REDMOND;i=M;'))).toBe(message);
    expect(verdict(checkX400Address('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;'))).toBe('ok');
  });

  it('refuses unknown and repeated attributes', () => {
    expect(verdict(checkX400Address('c=US;a= ;x=1;'))).toBe("'x' is not an X.400 attribute (use c, a, p, o, ou1–ou4, s, g, i, q).");
    expect(verdict(checkX400Address('c=US;a= ;o=A;O=B;'))).toBe('The organization (o) appears twice.');
  });

  it('refuses characters outside the X.400 printable set', () => {
    expect(verdict(checkX400Address('c=US;a= ;p=A&B;'))).toBe(
      "The PRMD (p) 'A&B' contains a character X.400 does not allow (use letters, digits, spaces and ' ( ) + , - . / : ?).",
    );
    expect(verdict(checkX400Address('c=US;a= ;s=Müller;'))).toMatch(/^The surname \(s\) 'Müller' contains a character X\.400 does not allow/);
    expect(verdict(checkX400Address("c=US;a= ;s=O'Neil-Smith (Jr.);"))).toBe('ok');
  });
});

describe('cc:Mail addresses', () => {
  it("accepts 'Name at POSTOFFICE'", () => {
    expect(verdict(checkCcMailAddress('Clark, Mark at REDMOND'))).toBe('ok');
    expect(verdict(checkCcMailAddress('Meet at Noon at PO_1'))).toBe('ok');
  });

  it('refuses other shapes', () => {
    const shape = "A cc:Mail address must have the form 'Name at POSTOFFICE' (for example 'Clark, Mark at REDMOND').";
    for (const address of ['Clark, Mark', 'at REDMOND', 'Clark, Mark at ', 'Clark, Mark at RED MOND', 'Clark, Mark@REDMOND', 'Clark at _PO']) {
      expect(verdict(checkCcMailAddress(address)), address).toBe(shape);
    }
  });

  it('refuses a name with outer spaces, longer than 126, or not ASCII', () => {
    const bounds = 'The cc:Mail name must be 1–126 characters without leading or trailing spaces.';
    expect(verdict(checkCcMailAddress(' Clark at REDMOND'))).toBe(bounds);
    expect(verdict(checkCcMailAddress('Clark  at REDMOND'))).toBe(bounds);
    expect(verdict(checkCcMailAddress(`${'x'.repeat(126)} at REDMOND`))).toBe('ok');
    expect(verdict(checkCcMailAddress(`${'x'.repeat(127)} at REDMOND`))).toBe(bounds);
    expect(verdict(checkCcMailAddress('Müller at REDMOND'))).toBe('The cc:Mail name may only contain ASCII characters.');
  });
});

describe('checkAddress', () => {
  it('dispatches on the normalised type', () => {
    expect(verdict(checkAddress('smtp', 'bob@adatum.com'))).toBe('ok');
    expect(verdict(checkAddress('SMTP', 'ADATUM/REDMOND/BOB'))).toMatch(/^An Internet address must have the form name@domain/);
    expect(verdict(checkAddress('ms', 'ADATUM/REDMOND/BOB'))).toBe('ok');
    expect(verdict(checkAddress('MS', 'bob@adatum.com'))).toMatch(/^A Microsoft Mail address must have the form/);
    expect(verdict(checkAddress('x400', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;'))).toBe('ok');
    expect(verdict(checkAddress('X400', 'c=US;'))).toMatch(/needs an ADMD/);
    expect(verdict(checkAddress('ccmail', 'Clark, Mark at REDMOND'))).toBe('ok');
    expect(verdict(checkAddress('CCMAIL', 'Clark, Mark'))).toMatch(/^A cc:Mail address must have the form/);
  });

  it('takes any non-empty single-line text for other types', () => {
    expect(verdict(checkAddress('NOTES', 'Mark Clark/Redmond/Adatum@Adatum'))).toBe('ok');
    expect(verdict(checkAddress('FAX', ' +1 (425) 555-0100 '))).toBe('ok');
    expect(verdict(checkAddress('NOTES', ''))).toBe('The address is empty.');
    expect(verdict(checkAddress('NOTES', '   '))).toBe('The address is empty.');
    expect(verdict(checkAddress('NOTES', 'a\nb'))).toBe('The address must not contain line breaks or tabs.');
    expect(verdict(checkAddress('NOTES', 'a\tb'))).toBe('The address must not contain line breaks or tabs.');
  });

  it('checks the type first, then emptiness and overall length', () => {
    expect(verdict(checkAddress('', 'bob@adatum.com'))).toBe('The address type is empty.');
    expect(verdict(checkAddress('MS MAIL', 'x'))).toMatch(/^The address type must be/);
    expect(verdict(checkAddress('SMTP', ''))).toBe('The address is empty.');
    expect(verdict(checkAddress('NOTES', 'x'.repeat(1024)))).toBe('ok');
    expect(verdict(checkAddress('NOTES', 'x'.repeat(1025)))).toBe('The address is longer than 1024 characters.');
  });
});

describe('proxyUniqueKey', () => {
  it('compares SMTP case-insensitively', () => {
    expect(proxyUniqueKey('SMTP', 'Bob@Adatum.COM')).toBe('SMTP:bob@adatum.com');
    expect(proxyUniqueKey('smtp', 'bob@adatum.com')).toBe(proxyUniqueKey('SMTP', 'BOB@ADATUM.COM'));
  });

  it('compares an IDN domain in its punycode form, whatever its case', () => {
    expect(proxyUniqueKey('SMTP', 'bob@exämple.com')).toBe('SMTP:bob@xn--exmple-cua.com');
    expect(proxyUniqueKey('SMTP', 'bob@xn--exmple-cua.com')).toBe('SMTP:bob@xn--exmple-cua.com');
    expect(proxyUniqueKey('SMTP', 'BOB@EXÄMPLE.COM')).toBe('SMTP:bob@xn--exmple-cua.com');
  });

  it('keeps different SMTP addresses apart', () => {
    expect(proxyUniqueKey('SMTP', 'bob@adatum.com')).not.toBe(proxyUniqueKey('SMTP', 'bob@cpandl.net'));
    expect(proxyUniqueKey('SMTP', 'bob@adatum.com')).not.toBe(proxyUniqueKey('SMTP', 'bob2@adatum.com'));
    expect(proxyUniqueKey('SMTP', 'bob@adatum.com')).not.toBe(proxyUniqueKey('MS', 'bob@adatum.com'));
  });

  it('compares MS, X400 and CCMAIL case-insensitively', () => {
    expect(proxyUniqueKey('MS', 'ADATUM/REDMOND/BOB')).toBe('MS:adatum/redmond/bob');
    expect(proxyUniqueKey('ms', 'adatum/Redmond/Bob')).toBe('MS:adatum/redmond/bob');
    expect(proxyUniqueKey('X400', 'c=US;a= ;p=ADATUM;s=Clark;')).toBe(proxyUniqueKey('X400', 'C=us;A= ;P=adatum;S=CLARK;'));
    expect(proxyUniqueKey('CCMAIL', 'Clark, Mark at REDMOND')).toBe(proxyUniqueKey('ccmail', 'CLARK, MARK at redmond'));
  });

  it('compares other types exactly, with the type normalised', () => {
    expect(proxyUniqueKey('notes', 'Mark Clark/Adatum')).toBe('NOTES:Mark Clark/Adatum');
    expect(proxyUniqueKey('NOTES', 'Mark Clark/Adatum')).not.toBe(proxyUniqueKey('NOTES', 'mark clark/adatum'));
  });

  it('property: SMTP keys ignore the case of the address', () => {
    const localChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+'.split(''));
    const domainChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-äöüéñÄÖÜÉÑ'.split(''));
    const local = fc.string({ unit: localChar, minLength: 1, maxLength: 20 });
    const label = fc.string({ unit: domainChar, minLength: 1, maxLength: 12 });
    const domain = fc.array(label, { minLength: 2, maxLength: 4 }).map((labels) => labels.join('.'));
    fc.assert(
      fc.property(local, domain, fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (l, d, flips) => {
        const address = `${l}@${d}`;
        const mixed = [...address].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch.toLowerCase())).join('');
        expect(proxyUniqueKey('SMTP', mixed)).toBe(proxyUniqueKey('SMTP', address));
        expect(proxyUniqueKey('SMTP', address.toUpperCase())).toBe(proxyUniqueKey('SMTP', address.toLowerCase()));
      }),
    );
  });
});

describe('proxyUniqueKey shortcuts', () => {
  const chars = fc.constantFrom(...'aB0.-_+@:" äÄßİé'.split(''));
  const text = fc.string({ unit: chars, maxLength: 20 });
  const type = fc.constantFrom('SMTP', 'smtp', ' Smtp ', 'MS', 'X400', 'CCMAIL', 'NOTES', 'notes', 'straße');

  it('keeps the stored form of a known type and normalises anything else', () => {
    for (const t of ['SMTP', 'MS', 'X400', 'CCMAIL']) expect(normalizeAddressType(t)).toBe(t);
    expect(normalizeAddressType(' Smtp ')).toBe('SMTP');
    expect(verdict(checkAddressType('X400'))).toBe('ok');
  });

  it('property: an SMTP key is the lower-case local part and the ASCII domain, however it is built', () => {
    fc.assert(
      fc.property(text, text, (local, domain) => {
        fc.pre(local !== '' && domain !== '' && !domain.includes('@'));
        const ascii = asciiDomain(domain) ?? domain.toLowerCase();
        expect(proxyUniqueKey('SMTP', `${local}@${domain}`)).toBe(smtpUniqueKey(local, ascii));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: sameProxyAddress is equality of the keys', () => {
    fc.assert(
      fc.property(type, text, text, fc.boolean(), (t, a, b, recase) => {
        const other = recase ? a.toUpperCase() : b;
        expect(sameProxyAddress(t, a, other)).toBe(proxyUniqueKey(t, a) === proxyUniqueKey(t, other));
      }),
      { numRuns: 2000 },
    );
    expect(sameProxyAddress('SMTP', 'Bob@Adatum.com', 'bob@adatum.COM')).toBe(true);
    expect(sameProxyAddress('SMTP', 'bob@exämple.com', 'BOB@xn--exmple-cua.com')).toBe(true);
    expect(sameProxyAddress('SMTP', 'bob@adatum.com', 'bob2@adatum.com')).toBe(false);
    expect(sameProxyAddress('NOTES', 'Bob/Adatum', 'bob/adatum')).toBe(false);
  });
});

describe('written form TYPE:address', () => {
  it('reads an upper-case prefix as the reply address and a lower-case one as secondary', () => {
    expect(parseWrittenAddress('SMTP:bob@adatum.com')).toEqual({ type: 'SMTP', address: 'bob@adatum.com', primary: true });
    expect(parseWrittenAddress('smtp:bob@cpandl.net')).toEqual({ type: 'SMTP', address: 'bob@cpandl.net', primary: false });
    expect(parseWrittenAddress('X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;')).toEqual({
      type: 'X400',
      address: 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;',
      primary: true,
    });
    expect(parseWrittenAddress('x400:c=US;a= ;')).toEqual({ type: 'X400', address: 'c=US;a= ;', primary: false });
    expect(parseWrittenAddress('ms:OLDNET/OLDPO/BOB')).toEqual({ type: 'MS', address: 'OLDNET/OLDPO/BOB', primary: false });
  });

  it('treats a mixed-case prefix as secondary', () => {
    expect(parseWrittenAddress('Smtp:bob@adatum.com')).toEqual({ type: 'SMTP', address: 'bob@adatum.com', primary: false });
  });

  it('splits at the first colon only', () => {
    expect(parseWrittenAddress('NOTES:Mark:Clark')).toEqual({ type: 'NOTES', address: 'Mark:Clark', primary: true });
  });

  it('returns null without a usable prefix', () => {
    for (const written of ['bob@adatum.com', ':bob@adatum.com', 'SM TP:bob@adatum.com', 'cc mail:x']) {
      expect(parseWrittenAddress(written), written).toBeNull();
    }
  });

  it('writes the reply address with an upper-case prefix and others lower-case', () => {
    expect(formatWrittenAddress({ type: 'SMTP', address: 'bob@adatum.com', primary: true })).toBe('SMTP:bob@adatum.com');
    expect(formatWrittenAddress({ type: 'SMTP', address: 'bob@cpandl.net', primary: false })).toBe('smtp:bob@cpandl.net');
    expect(formatWrittenAddress({ type: 'ms', address: 'ADATUM/REDMOND/BOB', primary: true })).toBe('MS:ADATUM/REDMOND/BOB');
  });

  it('property: writing then reading gives back any address of a valid type', () => {
    const typeChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'.split(''));
    const type = fc
      .string({ unit: typeChar, minLength: 1, maxLength: 16 })
      .filter((t) => checkAddressType(t).ok);
    fc.assert(
      fc.property(type, fc.string({ minLength: 1 }), fc.boolean(), (t, address, primary) => {
        expect(parseWrittenAddress(formatWrittenAddress({ type: t, address, primary }))).toEqual({ type: t, address, primary });
      }),
    );
  });
});
