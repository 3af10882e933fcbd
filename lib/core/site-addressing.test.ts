import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAddress } from './addresses';
import {
  type NameFields,
  checkSiteAddressingRule,
  defaultSiteAddressing,
  generateAddress,
  numberedAlternative,
  siteSmtpDomain,
} from './site-addressing';

const mark: NameFields = { alias: 'MarkC', firstName: 'Mark', lastName: 'Clark', initials: 'J', displayName: 'Mark Clark' };
const person = (fields: Partial<NameFields>): NameFields => ({ ...mark, ...fields });
const verdict = (check: { ok: true } | { ok: false; message: string }) => (check.ok ? 'ok' : check.message);

describe('defaultSiteAddressing', () => {
  it('makes the rules of ROUTING.md for ADATUM / REDMOND', () => {
    expect(defaultSiteAddressing('ADATUM', 'REDMOND', 'adatum.com')).toEqual([
      { type: 'SMTP', rule: '%m@adatum.com', enabled: true },
      { type: 'MS', rule: 'ADATUM/REDMOND', enabled: true },
      { type: 'X400', rule: 'c=US;a= ;p=ADATUM;o=REDMOND;', enabled: true },
      { type: 'CCMAIL', rule: 'at REDMOND', enabled: false },
    ]);
  });

  it('fits long or unusual names to each format, so every default rule passes its own check', () => {
    const rules = defaultSiteAddressing('A&B Consolidated Holdings', 'North_Redmond #2', 'a-b.example');
    expect(rules).toEqual([
      { type: 'SMTP', rule: '%m@a-b.example', enabled: true },
      { type: 'MS', rule: 'ABCONSOLID/NORTHREDMO', enabled: true },
      { type: 'X400', rule: 'c=US;a= ;p=AB Consolidated;o=NorthRedmond 2;', enabled: true },
      { type: 'CCMAIL', rule: 'at NORTHREDMO', enabled: false },
    ]);
    for (const r of rules) expect(verdict(checkSiteAddressingRule(r.type, r.rule)), r.type).toBe('ok');
  });
});

describe('siteSmtpDomain', () => {
  it('is the domain of the SMTP rule', () => {
    expect(siteSmtpDomain([{ type: 'SMTP', rule: '%m@adatum.com' }])).toBe('adatum.com');
    expect(siteSmtpDomain([{ type: 'MS', rule: 'ADATUM/REDMOND' }, { type: 'SMTP', rule: '%g.%s@microsoft.com' }])).toBe('microsoft.com');
  });

  it("reads Exchange 5.5's short form '@adatum.com'", () => {
    expect(siteSmtpDomain([{ type: 'SMTP', rule: '@adatum.com' }])).toBe('adatum.com');
  });

  it('is null without an SMTP rule or without @', () => {
    expect(siteSmtpDomain([{ type: 'MS', rule: 'ADATUM/REDMOND' }])).toBeNull();
    expect(siteSmtpDomain([])).toBeNull();
    expect(siteSmtpDomain([{ type: 'SMTP', rule: '%m' }])).toBeNull();
  });
});

describe('checkSiteAddressingRule', () => {
  it('accepts the SMTP rules of Exchange', () => {
    for (const rule of ['%m@adatum.com', '@adatum.com', '%g.%s@microsoft.com', '%1g%s@adatum.com', '%r.-%d@adatum.com', '%%%m@adatum.com', '%m@[192.0.2.1]', '%m@exämple.com']) {
      expect(verdict(checkSiteAddressingRule('SMTP', rule)), rule).toBe('ok');
    }
  });

  it('refuses an empty rule of any type', () => {
    for (const type of ['SMTP', 'MS', 'X400', 'CCMAIL'] as const) {
      expect(verdict(checkSiteAddressingRule(type, '  ')), type).toBe('The generation rule is empty.');
    }
  });

  it('refuses an SMTP rule without @', () => {
    expect(verdict(checkSiteAddressingRule('SMTP', '%m'))).toBe(
      "An SMTP rule needs '@' and a domain, for example %m@adatum.com or %g.%s@adatum.com.",
    );
  });

  it('refuses unknown tokens and bad %r', () => {
    expect(verdict(checkSiteAddressingRule('SMTP', '%x@adatum.com'))).toBe(
      "'%x' is not a Site Addressing token (use %m, %g, %s, %i, %d, %rxy or %%).",
    );
    expect(verdict(checkSiteAddressingRule('SMTP', '%m%@adatum.com'))).toBe(
      "'%' is not a Site Addressing token (use %m, %g, %s, %i, %d, %rxy or %%).",
    );
    expect(verdict(checkSiteAddressingRule('SMTP', '%123g@adatum.com'))).toBe(
      "'%1' is not a Site Addressing token (use %m, %g, %s, %i, %d, %rxy or %%).",
    );
    expect(verdict(checkSiteAddressingRule('SMTP', '%0g@adatum.com'))).toBe("'%0g' takes no characters.");
    expect(verdict(checkSiteAddressingRule('SMTP', '%r.@adatum.com'))).toBe("'%r' needs two characters after it: %rxy replaces x with y.");
    expect(verdict(checkSiteAddressingRule('SMTP', '%r%x%m@adatum.com'))).toBe("'%' cannot be replaced or be a replacement in %rxy.");
    expect(verdict(checkSiteAddressingRule('SMTP', '%rx%%m@adatum.com'))).toBe("'%' cannot be replaced or be a replacement in %rxy.");
  });

  it('checks the domain of an SMTP rule', () => {
    expect(verdict(checkSiteAddressingRule('SMTP', '%m@adatum'))).toBe("The domain 'adatum' must be fully qualified (for example adatum.com).");
    expect(verdict(checkSiteAddressingRule('SMTP', '%m@ada_tum.com'))).toBe(
      "The domain label 'ada_tum' may only contain letters, digits and inner hyphens.",
    );
    expect(verdict(checkSiteAddressingRule('SMTP', '%m@%s.com'))).toBe("The domain label '%s' may only contain letters, digits and inner hyphens.");
  });

  it('takes NETWORK/POSTOFFICE for MS', () => {
    expect(verdict(checkSiteAddressingRule('MS', 'ADATUM/REDMOND'))).toBe('ok');
    expect(verdict(checkSiteAddressingRule('MS', 'ADATUM/REDMOND/BOB'))).toBe(
      'A postoffice must have the form NETWORK/POSTOFFICE (for example ADATUM/REDMOND).',
    );
    expect(verdict(checkSiteAddressingRule('MS', 'ADATUM/REDMONDWEST'))).toBe("The postoffice name 'REDMONDWEST' must be 1–10 letters or digits.");
  });

  it('takes the site part of an X.400 address, without personal attributes', () => {
    expect(verdict(checkSiteAddressingRule('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;'))).toBe('ok');
    expect(verdict(checkSiteAddressingRule('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;ou1=SALES;'))).toBe('ok');
    const personal = 'The site X.400 rule names the site (c, a, p, o, ou); the surname and given name come from each recipient.';
    expect(verdict(checkSiteAddressingRule('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;'))).toBe(personal);
    expect(verdict(checkSiteAddressingRule('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;q=JR;'))).toBe(personal);
    expect(verdict(checkSiteAddressingRule('X400', 'c=US;p=ADATUM;o=REDMOND;'))).toBe(
      "An X.400 address needs an ADMD (a=); use a single space ('a= ') for none.",
    );
  });

  it("takes 'at POSTOFFICE' for cc:Mail", () => {
    expect(verdict(checkSiteAddressingRule('CCMAIL', 'at REDMOND'))).toBe('ok');
    const shape = "A cc:Mail rule has the form 'at POSTOFFICE', for example 'at REDMOND'.";
    expect(verdict(checkSiteAddressingRule('CCMAIL', 'REDMOND'))).toBe(shape);
    expect(verdict(checkSiteAddressingRule('CCMAIL', 'at RED MOND'))).toBe(shape);
  });
});

describe('generateAddress: SMTP tokens', () => {
  const smtp = (rule: string, fields: Partial<NameFields> = {}) => generateAddress('SMTP', rule, person(fields));

  it('Q153270: %g.%s@microsoft.com makes Mark.Clark@microsoft.com', () => {
    expect(smtp('%g.%s@microsoft.com')).toBe('Mark.Clark@microsoft.com');
  });

  it('expands %m, %g, %s, %i and %d', () => {
    expect(smtp('%m@adatum.com')).toBe('MarkC@adatum.com');
    expect(smtp('%g@adatum.com')).toBe('Mark@adatum.com');
    expect(smtp('%s@adatum.com')).toBe('Clark@adatum.com');
    expect(smtp('%g%i%s@adatum.com')).toBe('MarkJClark@adatum.com');
    expect(smtp('%d@adatum.com')).toBe('MarkClark@adatum.com');
  });

  it("reads '@adatum.com' as '%m@adatum.com'", () => {
    expect(smtp('@adatum.com')).toBe('MarkC@adatum.com');
  });

  it('takes the first n characters with %<n>g', () => {
    expect(smtp('%1g%s@adatum.com')).toBe('MClark@adatum.com');
    expect(smtp('%g%1s@adatum.com')).toBe('MarkC@adatum.com');
    expect(smtp('%3s%2g@adatum.com')).toBe('ClaMa@adatum.com');
    expect(smtp('%10g@adatum.com')).toBe('Mark@adatum.com');
  });

  it('replaces x with y in the fields that follow %rxy, and deletes x when y is x', () => {
    expect(smtp('%r -%d@adatum.com')).toBe('Mark-Clark@adatum.com');
    expect(smtp('%d%r -@adatum.com')).toBe('MarkClark@adatum.com');
    expect(smtp("%r''%s@adatum.com", { lastName: "O'Neil" })).toBe('ONeil@adatum.com');
    expect(smtp("%s@adatum.com", { lastName: "O'Neil" })).toBe("O'Neil@adatum.com");
    expect(smtp('%rae%g.%s@adatum.com')).toBe('Merk.Clerk@adatum.com');
  });

  it('writes %% as a literal % (an allowed local-part character)', () => {
    expect(smtp('%m%%x@adatum.com')).toBe('MarkC%x@adatum.com');
  });

  it('drops characters an address may not hold', () => {
    expect(smtp('%g.%s@adatum.com', { firstName: 'José', lastName: 'Núñez' })).toBe('Jos.Nez@adatum.com');
    expect(smtp('%d@adatum.com', { displayName: 'Clark, Mark (Sales)' })).toBe('ClarkMarkSales@adatum.com');
    expect(smtp('%g %s@adatum.com')).toBe('MarkClark@adatum.com');
  });

  it('keeps the local part a valid dot-atom: no leading, trailing or doubled dots', () => {
    expect(smtp('%g.%s@adatum.com', { firstName: '' })).toBe('Clark@adatum.com');
    expect(smtp('%g.%s@adatum.com', { lastName: '' })).toBe('Mark@adatum.com');
    expect(smtp('%g..%s@adatum.com')).toBe('Mark.Clark@adatum.com');
    expect(smtp('%g.%i.%s@adatum.com', { initials: '' })).toBe('Mark.Clark@adatum.com');
  });

  it('keeps at most 64 characters before @, without a dot at the end', () => {
    expect(smtp('%d@adatum.com', { displayName: 'x'.repeat(70) })).toBe(`${'x'.repeat(64)}@adatum.com`);
    expect(smtp('%g.%s@adatum.com', { firstName: 'x'.repeat(63), lastName: 'Clark' })).toBe(`${'x'.repeat(63)}@adatum.com`);
  });

  it('falls back to the alias when the fields of the rule give nothing', () => {
    expect(smtp('%g.%s@adatum.com', { firstName: '', lastName: '' })).toBe('MarkC@adatum.com');
    expect(smtp('%g@adatum.com', { firstName: '日本' })).toBe('MarkC@adatum.com');
  });

  it('is null when nothing usable is left, or the rule is not a rule', () => {
    expect(smtp('%g.%s@adatum.com', { firstName: '', lastName: '', alias: '' })).toBeNull();
    expect(smtp('%m@adatum.com', { alias: 'äöü' })).toBeNull();
    expect(smtp('%m')).toBeNull();
    expect(smtp('%x@adatum.com')).toBeNull();
  });

  it('property: from any name fields, the generated address is null or a valid SMTP address', () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 80 }));
    const fields = fc.record({ alias: text, firstName: text, lastName: text, initials: text, displayName: text });
    const rule = fc.constantFrom('%m@adatum.com', '@adatum.com', '%g.%s@microsoft.com', '%1g%s@adatum.com', '%d@adatum.com', '%r -%d@adatum.com', '%g.%i.%s@adatum.com', '%r..%d.%m@exämple.com', '%%%m%%@adatum.com');
    fc.assert(
      fc.property(rule, fields, (r, f) => {
        const address = generateAddress('SMTP', r, f);
        if (address !== null) expect(verdict(checkAddress('SMTP', address)), address).toBe('ok');
      }),
      { numRuns: 500 },
    );
  });
});

describe('generateAddress: MS, X.400 and cc:Mail', () => {
  it('makes NETWORK/POSTOFFICE/ALIAS for MS Mail, upper-cased and cut to 10', () => {
    expect(generateAddress('MS', 'ADATUM/REDMOND', mark)).toBe('ADATUM/REDMOND/MARKC');
    expect(generateAddress('MS', 'adatum/redmond', person({ alias: 'mark.clark-jones' }))).toBe('ADATUM/REDMOND/MARKCLARKJ');
    expect(generateAddress('MS', 'ADATUM/REDMOND', person({ alias: '---' }))).toBeNull();
  });

  it('adds surname, given name and initials to the site X.400 rule', () => {
    expect(generateAddress('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;', mark)).toBe('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;i=J;');
    expect(generateAddress('X400', 'c=US;a= ;p=ADATUM;o=REDMOND', person({ initials: '' }))).toBe('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;');
  });

  it('uses the alias as the X.400 surname when there is no last name (a given name needs a surname)', () => {
    const address = generateAddress('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;', person({ lastName: '', initials: '' }));
    expect(address).toBe('c=US;a= ;p=ADATUM;o=REDMOND;s=MarkC;g=Mark;');
    expect(verdict(checkAddress('X400', address!))).toBe('ok');
    expect(generateAddress('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;', person({ lastName: '', alias: '' }))).toBeNull();
  });

  it('drops characters X.400 does not allow and cuts s to 40, g to 16', () => {
    const address = generateAddress(
      'X400',
      'c=US;a= ;p=ADATUM;o=REDMOND;',
      person({ lastName: `Müller;s=x${'y'.repeat(50)}`, firstName: 'Jean-François Xavier Yves', initials: '' }),
    );
    expect(address).toBe(`c=US;a= ;p=ADATUM;o=REDMOND;s=Mllersx${'y'.repeat(33)};g=Jean-Franois Xav;`);
    expect(verdict(checkAddress('X400', address!))).toBe('ok');
  });

  it("makes 'Last, First at PO' for cc:Mail", () => {
    expect(generateAddress('CCMAIL', 'at REDMOND', mark)).toBe('Clark, Mark at REDMOND');
    expect(generateAddress('CCMAIL', 'at REDMOND', person({ firstName: '' }))).toBe('Clark at REDMOND');
    expect(generateAddress('CCMAIL', 'at REDMOND', person({ firstName: '', lastName: '' }))).toBe('Mark Clark at REDMOND');
    expect(generateAddress('CCMAIL', 'at REDMOND', { alias: 'sales', firstName: '', lastName: '', initials: '', displayName: '' })).toBe(
      'sales at REDMOND',
    );
    expect(generateAddress('CCMAIL', 'at REDMOND', { alias: '', firstName: '', lastName: '', initials: '', displayName: '' })).toBeNull();
  });

  it('does not leave an empty half of "Last, First" when a field is all dropped characters', () => {
    const address = generateAddress('CCMAIL', 'at REDMOND', person({ lastName: '山田', displayName: 'Mark Yamada' }));
    expect(address).toBe('Mark Yamada at REDMOND');
    expect(verdict(checkAddress('CCMAIL', address!))).toBe('ok');
  });
});

describe('numberedAlternative', () => {
  it('appends the number to the name part', () => {
    expect(numberedAlternative('SMTP', 'bob@adatum.com', 2)).toBe('bob2@adatum.com');
    expect(numberedAlternative('MS', 'ADATUM/REDMOND/BOB', 3)).toBe('ADATUM/REDMOND/BOB3');
    expect(numberedAlternative('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;', 2)).toBe('c=US;a= ;p=ADATUM;o=REDMOND;s=Clark2;g=Mark;');
    expect(numberedAlternative('CCMAIL', 'Clark, Mark at REDMOND', 2)).toBe('Clark, Mark2 at REDMOND');
  });

  it('shortens the name part to stay within each limit', () => {
    expect(numberedAlternative('SMTP', `${'a'.repeat(64)}@adatum.com`, 12)).toBe(`${'a'.repeat(62)}12@adatum.com`);
    expect(numberedAlternative('MS', 'ADATUM/REDMOND/MARKCLARKJ', 2)).toBe('ADATUM/REDMOND/MARKCLARK2');
    expect(numberedAlternative('X400', `c=US;a= ;s=${'c'.repeat(40)};`, 10)).toBe(`c=US;a= ;s=${'c'.repeat(38)}10;`);
    expect(numberedAlternative('CCMAIL', `${'n'.repeat(126)} at REDMOND`, 2)).toBe(`${'n'.repeat(125)}2 at REDMOND`);
  });

  it('property: the alternative of a valid generated address is valid and different', () => {
    const text = fc.string({ maxLength: 70 });
    const fields = fc.record({ alias: text, firstName: text, lastName: text, initials: text, displayName: text });
    const rules = [
      ['SMTP', '%g.%s@adatum.com'],
      ['MS', 'ADATUM/REDMOND'],
      ['X400', 'c=US;a= ;p=ADATUM;o=REDMOND;'],
      ['CCMAIL', 'at REDMOND'],
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...rules), fields, fc.integer({ min: 2, max: 9999 }), ([type, rule], f, n) => {
        const base = generateAddress(type, rule, f);
        fc.pre(base !== null && checkAddress(type, base).ok);
        const alternative = numberedAlternative(type, base!, n);
        expect(alternative).not.toBe(base);
        expect(verdict(checkAddress(type, alternative)), alternative).toBe('ok');
      }),
      { numRuns: 500 },
    );
  });
});
