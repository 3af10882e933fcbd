import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './parse-import';
import { type ExportRecipient, formatExportFile } from './write-export';

describe('formatExportFile', () => {
  it('writes the header, Obj-Class names, the whole proxy set and quotes commas', () => {
    const result = formatExportFile([
      { kind: 'mailbox', directoryName: 'bob', displayName: 'Smith, Bob', alias: 'bob', proxyAddresses: [
        { type: 'SMTP', address: 'bob@x.com', primary: true }, { type: 'SMTP', address: 'b@y.com', primary: false }] },
      { kind: 'custom', directoryName: 'cust', displayName: 'Cust', alias: 'cust', targetAddress: 'SMTP:c@p.com' },
      { kind: 'dl', directoryName: 'sales', displayName: 'Sales', alias: 'sales', members: ['bob', 'cust'] },
    ]);
    expect(result).toEqual({ ok: true, text:
      'Obj-Class,Directory Name,First Name,Last Name,Initials,Display Name,Alias Name,E-mail Address,Proxy-Addresses,Members\r\n' +
      'Mailbox,bob,,,,"Smith, Bob",bob,,SMTP:bob@x.com%smtp:b@y.com,\r\n' +
      'Remote,cust,,,,Cust,cust,SMTP:c@p.com,,\r\n' +
      'dl,sales,,,,Sales,sales,,,bob%cust\r\n' });
  });

  it("refuses a multi-valued value containing '%', and ~DEL", () => {
    const result = formatExportFile([
      { kind: 'mailbox', directoryName: 'bob', displayName: '~DEL', proxyAddresses: [{ type: 'SMTP', address: 'a%b@x.com', primary: true }] },
    ]);
    expect(result).toMatchObject({ ok: false, problems: [
      { directoryName: 'bob', column: 'Display Name', value: '~DEL' },
      { directoryName: 'bob', column: 'Proxy-Addresses', value: 'SMTP:a%b@x.com', reason: expect.stringContaining("contains '%'") },
    ] });
  });

  it('round trip: parseImportFile(formatExportFile(x)) gives x back', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,"'.-]{0,10}[A-Za-z0-9]$/);
    const token = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    const recipient = fc.record({
      kind: fc.constantFrom('mailbox', 'custom', 'dl'),
      firstName: fc.option(word, { nil: undefined }),
      lastName: fc.option(word, { nil: undefined }),
      initials: fc.option(fc.stringMatching(/^[A-Z]{1,6}$/), { nil: undefined }),
      displayName: word,
      domain: token,
      extra: fc.uniqueArray(token, { maxLength: 3 }),
      members: fc.uniqueArray(token, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(recipient, { maxLength: 8, selector: (r) => r.displayName.toLowerCase() }), (generated) => {
        const recipients: ExportRecipient[] = generated.map((g, i) => ({
          kind: g.kind,
          directoryName: `dn${i}`,
          firstName: g.firstName,
          lastName: g.lastName,
          initials: g.initials,
          displayName: g.displayName,
          alias: `alias${i}`,
          targetAddress: g.kind === 'custom' ? `SMTP:t${i}@${g.domain}.example` : undefined,
          proxyAddresses: [
            { type: 'SMTP', address: `alias${i}@${g.domain}.com`, primary: true },
            ...g.extra.map((e) => ({ type: 'SMTP', address: `${e}.${i}@${g.domain}.net`, primary: false })),
            { type: 'X400', address: `c=US;a= ;p=ORG;o=SITE;s=S${i};`, primary: true },
          ],
          members: g.kind === 'dl' && g.members.length > 0 ? g.members : undefined,
        }));
        const exported = formatExportFile(recipients);
        if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
        const parsed = parseImportFile(exported.text);
        expect(parsed.problems).toEqual([]);
        expect(parsed.rows).toEqual(recipients.map((r, i) => ({
          line: i + 2,
          objClass: r.kind,
          mode: 'update',
          directoryName: r.directoryName,
          fields: Object.fromEntries(Object.entries({
            firstName: r.firstName, lastName: r.lastName, initials: r.initials, displayName: r.displayName, alias: r.alias, targetAddress: r.targetAddress,
          }).filter(([, v]) => v !== undefined)),
          proxyAddresses: r.proxyAddresses,
          ...(r.members ? { members: r.members } : {}),
        })));
      }),
      { numRuns: 200 },
    );
  });
});
