import { describe, expect, it } from 'vitest';
import { parseImportFile, readImportText } from './parse-import';

const HEADER = 'Obj-Class,Mode,Directory Name,Display Name,Alias Name,E-mail Address,Proxy-Addresses,Secondary-Proxy-Addresses,Members';
const file = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe('parseImportFile', () => {
  it("reads Q155594's example as written", () => {
    const result = parseImportFile(
      'Obj-Class,First Name,Last name,Display Name,Alias Name,Directory Name,E-mail Address,Secondary-Proxy-Addresses\n' +
        'Remote,User,1,User1,User1,User1,SMTP:User1@org.com,SMTP:User1@org2.com%SMTP:User1@org3.com%SMTP:User2@org2.com\n',
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        objClass: 'custom',
        mode: 'update',
        directoryName: 'User1',
        fields: { firstName: 'User', lastName: '1', displayName: 'User1', alias: 'User1', targetAddress: 'SMTP:User1@org.com' },
        secondaryProxyAddresses: [
          { type: 'SMTP', address: 'User1@org2.com' },
          { type: 'SMTP', address: 'User1@org3.com' },
          { type: 'SMTP', address: 'User2@org2.com' },
        ],
      },
    ]);
  });

  it('reads header names case-insensitively, a UTF-8 BOM and CRLF', () => {
    const result = parseImportFile('\uFEFFOBJ-CLASS,mode,directory name,DISPLAY NAME\r\nmailbox,CREATE,bob,Bob Smith\r\n');
    expect(result.problems).toEqual([]);
    expect(result.header?.attributes).toEqual(['objClass', 'mode', 'directoryName', 'displayName']);
    expect(result.rows[0]).toMatchObject({ line: 2, objClass: 'mailbox', mode: 'create', directoryName: 'bob', fields: { displayName: 'Bob Smith' } });
  });

  it('reads Dist-List and dl, and members split on %, skipping empty values', () => {
    const result = parseImportFile(file(HEADER, 'Dist-List,,Sales,Sales,sales,,,,bob%%ann%', 'dl,,Ops,Ops,ops,,,,BOB%bob'));
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.objClass, r.members])).toEqual([['dl', ['bob', 'ann']], ['dl', ['BOB']]]);
  });

  it('reads a quoted field with commas, quotes and a newline, and reports later lines by where their record starts', () => {
    const result = parseImportFile(file(
      'Obj-Class,Directory Name,Display Name',
      'Mailbox,bob,"Smith, Bob ""The Boss"""',
      'Mailbox,ann,"Ann',
      'Jones"',
      '',
      'Mailbox,jo,Jo/',
      'Mailbox,bad/name,Bad',
    ));
    expect(result.rows[0].fields.displayName).toBe('Smith, Bob "The Boss"');
    // The console refuses control characters in a display name (the newline), on the line the record starts.
    expect(result.problems).toEqual([
      { line: 3, column: 'Display Name', value: 'Ann\r\nJones', reason: 'Display name must not contain control characters.' },
      { line: 7, column: 'Directory Name', value: 'bad/name', reason: 'Directory name must not contain / or \\.' },
    ]);
    expect(result.rows.map((r) => [r.line, r.directoryName])).toEqual([[2, 'bob'], [6, 'jo']]);
  });

  it('skips blank lines and rows of empty fields', () => {
    const result = parseImportFile('Obj-Class,Directory Name\n\n,\nMailbox,bob\n');
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.line)).toEqual([4]);
  });

  describe('header problems', () => {
    it('Obj-Class not first', () => {
      const result = parseImportFile('Directory Name,Obj-Class\nbob,Mailbox\n');
      expect(result.problems).toEqual([{ line: 1, column: 'Obj-Class', value: null, reason: 'Obj-Class must be the first column; it is column 2.' }]);
    });
    it('no Obj-Class: no rows are read', () => {
      const result = parseImportFile('Directory Name\nbob\n');
      expect(result.rows).toEqual([]);
      expect(result.problems).toMatchObject([{ line: 1, column: null, reason: expect.stringContaining('no Obj-Class column') }]);
    });
    it('Mode not second', () => {
      const result = parseImportFile('Obj-Class,Directory Name,Mode\nMailbox,bob,Create\n');
      expect(result.problems).toEqual([{ line: 1, column: 'Mode', value: null, reason: 'Mode, when present, must be the second column; it is column 3.' }]);
    });
    it('no Directory Name column', () => {
      const result = parseImportFile('Obj-Class,Display Name\nMailbox,Bob\n');
      expect(result.rows).toEqual([]);
      expect(result.problems).toMatchObject([{ line: 1, column: null, reason: expect.stringContaining('no Directory Name column') }]);
    });
    it('an unknown column is reported once, and its values are not read', () => {
      const result = parseImportFile('Obj-Class,Directory Name,Home-Server\nMailbox,bob,SERVER1\nMailbox,ann,SERVER1\n');
      expect(result.problems).toEqual([{ line: 1, column: 'Home-Server', value: null, reason: expect.stringContaining("'Home-Server' is not an attribute") }]);
      expect(result.rows).toHaveLength(2);
    });
    it('a duplicate column', () => {
      const result = parseImportFile('Obj-Class,Directory Name,display name,Display Name\nMailbox,bob,A,B\n');
      expect(result.problems).toEqual([{ line: 1, column: 'Display Name', value: null, reason: 'Display Name appears twice in the header (columns 3 and 4); the second is not read.' }]);
      expect(result.rows[0].fields.displayName).toBe('A');
    });
    it('an empty file', () => {
      expect(parseImportFile('').problems).toMatchObject([{ line: 1, reason: expect.stringContaining('empty') }]);
    });
  });

  describe('row problems', () => {
    const one = (row: string, header = HEADER) => parseImportFile(file(header, 'Mailbox,,ok,OK,ok,,,,', row)).problems;

    it('a wrong field count', () => {
      expect(one('Mailbox,,bob')).toEqual([{ line: 3, column: null, value: null, reason: expect.stringContaining('has 3 fields; the header has 9') }]);
    });
    it('bad quoting stops reading, naming the line', () => {
      const result = parseImportFile(file('Obj-Class,Directory Name', 'Mailbox,bob', 'Mailbox,"ann"x', 'Mailbox,jo'));
      expect(result.rows.map((r) => r.directoryName)).toEqual(['bob']);
      expect(result.problems).toEqual([{ line: 3, column: 'Directory Name', value: null, reason: expect.stringContaining('closing quote is followed by other characters') }]);
    });
    it('a quote that is never closed', () => {
      const result = parseImportFile(file('Obj-Class,Directory Name', 'Mailbox,bob', '', 'Mailbox,"ann', 'Mailbox,jo'));
      expect(result.problems).toEqual([{ line: 4, column: 'Directory Name', value: null, reason: expect.stringContaining('not closed') }]);
    });
    it('an unknown Obj-Class or Mode', () => {
      expect(one('Mailbx,Create,bob,Bob,bob,,,,')).toEqual([{ line: 3, column: 'Obj-Class', value: 'Mailbx', reason: expect.stringContaining('Obj-Class must be') }]);
      expect(one('Mailbox,Replace,bob,Bob,bob,,,,')).toEqual([{ line: 3, column: 'Mode', value: 'Replace', reason: 'Mode must be Create, Modify, Delete or Update.' }]);
    });
    it('an empty Directory Name, in every mode', () => {
      for (const mode of ['Create', 'Modify', 'Delete', 'Update', '']) {
        expect(one(`Mailbox,${mode},,Bob,bob,,,,`)).toEqual([{ line: 3, column: 'Directory Name', value: '', reason: 'Directory name is required.' }]);
      }
    });
    it("the console's name checks", () => {
      expect(one(`Mailbox,,bob,${'x'.repeat(257)},bob,,,,`)).toMatchObject([{ column: 'Display Name', reason: 'Display name can be at most 256 characters.' }]);
      expect(one('Mailbox,,bob,Bob,bob smith,,,,')).toMatchObject([{ column: 'Alias Name', value: 'bob smith', reason: expect.stringContaining('Alias must not contain spaces') }]);
      expect(parseImportFile('Obj-Class,Directory Name,Initials\nMailbox,bob,ABCDEFG\n').problems).toEqual([
        { line: 2, column: 'Initials', value: 'ABCDEFG', reason: 'Initials can be at most 6 characters.' },
      ]);
    });
    it('~DEL clears first name, last name and initials but not display name or alias', () => {
      const result = parseImportFile('Obj-Class,Directory Name,First Name,Initials,Display Name\nMailbox,bob,~DEL,~del,Bob\nMailbox,ann,,,~DEL\n');
      expect(result.rows[0].fields).toEqual({ firstName: null, initials: null, displayName: 'Bob' });
      expect(result.problems).toEqual([{ line: 3, column: 'Display Name', value: '~DEL', reason: 'Display name is required. It cannot be removed with ~DEL.' }]);
    });
    it('E-mail Address: only for Remote, required when creating one, checked as the console checks it', () => {
      expect(one('Mailbox,,bob,Bob,bob,SMTP:bob@x.com,,,')).toEqual([{ line: 3, column: 'E-mail Address', value: 'SMTP:bob@x.com', reason: 'Only a custom recipient has a target address.' }]);
      expect(one('Remote,Create,bob,Bob,bob,,,,')).toEqual([{ line: 3, column: 'E-mail Address', value: '', reason: expect.stringContaining('needs a target address') }]);
      expect(one('Remote,Update,bob,Bob,bob,,,,')).toEqual([]);
      expect(one('Remote,,bob,Bob,bob,bob@x.com,,,')).toMatchObject([{ column: 'E-mail Address', value: 'bob@x.com', reason: expect.stringContaining('TYPE:address') }]);
      expect(one('Remote,,bob,Bob,bob,SMTP:bob@x,,,')).toMatchObject([{ column: 'E-mail Address', reason: expect.stringContaining('fully qualified') }]);
    });
    it('each proxy address is checked, with its column and value', () => {
      expect(one('Mailbox,,bob,Bob,bob,,SMTP:bob@x.com%MS:A/B,,')).toEqual([
        { line: 3, column: 'Proxy-Addresses', value: 'MS:A/B', reason: expect.stringContaining('NETWORK/POSTOFFICE/MAILBOX') },
      ]);
      expect(one('Mailbox,,bob,Bob,bob,,,bob-at-x.com,')).toEqual([
        { line: 3, column: 'Secondary-Proxy-Addresses', value: 'bob-at-x.com', reason: expect.stringContaining('TYPE:address') },
      ]);
    });
    it('Proxy-Addresses is a whole set: one reply address per type, and one for every type', () => {
      expect(one('Mailbox,,bob,Bob,bob,,SMTP:bob@x.com%SMTP:b@x.com,,')).toEqual([
        { line: 3, column: 'Proxy-Addresses', value: 'SMTP:b@x.com', reason: 'There can be only one SMTP reply address.' },
      ]);
      expect(one('Mailbox,,bob,Bob,bob,,smtp:bob@x.com,,')).toEqual([
        { line: 3, column: 'Proxy-Addresses', value: 'smtp:bob@x.com', reason: 'The SMTP addresses have no reply address.' },
      ]);
      const ok = parseImportFile(file(HEADER, 'Mailbox,,bob,Bob,bob,,SMTP:bob@x.com%smtp:b@y.com%X400:c=US;a= ;p=ORG;o=SITE;s=Bob;,,'));
      expect(ok.rows[0].proxyAddresses).toEqual([
        { type: 'SMTP', address: 'bob@x.com', primary: true },
        { type: 'SMTP', address: 'b@y.com', primary: false },
        { type: 'X400', address: 'c=US;a= ;p=ORG;o=SITE;s=Bob;', primary: true },
      ]);
    });
    it('Members only on lists', () => {
      expect(one('Mailbox,,bob,Bob,bob,,,,ann')).toEqual([{ line: 3, column: 'Members', value: 'ann', reason: 'Only a distribution list has members.' }]);
    });
    it('delete rows read only the directory name', () => {
      const result = parseImportFile(file(HEADER, 'Mailbox,Delete,bob,,bad alias,,junk,,x'));
      expect(result.problems).toEqual([]);
      expect(result.rows).toEqual([{ line: 2, objClass: 'mailbox', mode: 'delete', directoryName: 'bob', fields: {} }]);
    });
  });

  describe('uniqueness between rows', () => {
    it('the same directory name twice, whatever its case', () => {
      const result = parseImportFile('Obj-Class,Directory Name\nMailbox,bob\nMailbox,ann\nRemote,BOB\n');
      expect(result.problems).toEqual([{ line: 4, column: 'Directory Name', value: 'BOB', reason: "The directory name 'BOB' is already used on line 2." }]);
      expect(result.rows.map((r) => r.line)).toEqual([2, 3]);
    });
    it('the same proxy address on two rows, by its unique key', () => {
      const result = parseImportFile(file(HEADER, 'Mailbox,,bob,Bob,bob,,SMTP:bob@x.com,,', 'Mailbox,,ann,Ann,ann,,,smtp:Bob@X.COM,'));
      expect(result.problems).toEqual([
        { line: 3, column: 'Secondary-Proxy-Addresses', value: 'smtp:Bob@X.COM', reason: "SMTP:Bob@X.COM is already an address of 'bob' on line 2." },
      ]);
    });
    it('the same address twice on one row, across both proxy columns', () => {
      const result = parseImportFile(file(HEADER, 'Mailbox,,bob,Bob,bob,,SMTP:bob@x.com,SMTP:BOB@x.com,'));
      expect(result.problems).toEqual([
        { line: 2, column: 'Secondary-Proxy-Addresses', value: 'smtp:BOB@x.com', reason: 'SMTP:BOB@x.com appears twice on this recipient.' },
      ]);
    });
  });
});

describe('readImportText', () => {
  const text = file(HEADER, ...Array.from({ length: 50 }, (_, i) => `Mailbox,,user${i},"User, ${i}",user${i},,,SMTP:u${i}@fabrikam.com,`));

  it('reads in chunks what parseImportFile reads at once, reporting progress', async () => {
    const progress: number[] = [];
    const result = await readImportText(text, { chunkSize: 97, onProgress: (chars) => progress.push(chars) });
    expect(result).toEqual(parseImportFile(text));
    expect(result.complete).toBe(true);
    expect(result.rows).toHaveLength(50);
    expect(progress.at(-1)).toBe(text.length);
    expect(progress.length).toBeGreaterThan(10);
  });

  it('reports bad quoting with its line, as parseImportFile does, and marks the file incomplete', async () => {
    const bad = file(HEADER, 'Mailbox,,bob,Bob,bob,,,,', 'Mailbox,,ann,"Ann,ann,,,,', 'Mailbox,,jo,Jo,jo,,,,');
    const result = await readImportText(bad, { chunkSize: 16 });
    expect(result).toEqual(parseImportFile(bad));
    expect(result.complete).toBe(false);
    expect(result.problems[0].line).toBe(3);
  });
});
