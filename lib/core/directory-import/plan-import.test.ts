import { describe, expect, it } from 'vitest';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { defaultSiteAddressing } from '@/lib/core/site-addressing';
import type { RecipientKind } from '@/lib/validation/recipient';
import { parseImportFile } from './parse-import';
import { type DirectoryLookup, type ExistingProxy, type ExistingRecipient, type PlannedCreate, type PlannedModify, planImport } from './plan-import';

type Stored = ExistingRecipient & { proxies: ExistingProxy[]; members: number[]; site?: string };

/** An in-memory directory: site REDMOND (adatum.com) and recipients of any site. */
function directory(...recipients: Array<Partial<Stored> & { directoryName: string }>): DirectoryLookup & { all: Stored[] } {
  let nextProxy = 1000;
  const all: Stored[] = recipients.map((r, i) => ({
    id: i + 1,
    kind: 'mailbox' as RecipientKind,
    alias: r.directoryName,
    displayName: r.directoryName,
    firstName: '',
    lastName: '',
    initials: '',
    targetAddress: null,
    members: [],
    ...r,
    proxies: (r.proxies ?? [{ id: 0, type: 'SMTP', address: `${r.directoryName}@adatum.com`, primary: true }]).map((p) => ({ ...p, id: nextProxy++ })),
  }));
  const here = (r: Stored) => (r.site ?? 'REDMOND') === 'REDMOND';
  return {
    all,
    site: 'REDMOND',
    rules: defaultSiteAddressing('ADATUM', 'REDMOND', 'adatum.com'),
    recipientByName: (name) => all.find((r) => here(r) && r.directoryName === name) ?? all.find((r) => here(r) && r.directoryName.toLowerCase() === name.toLowerCase()) ?? null,
    proxiesOf: (id) => all.find((r) => r.id === id)!.proxies,
    membersOf: (id) => all.find((r) => r.id === id)!.members,
    proxyHolder: (key) => {
      const r = all.find((x) => x.proxies.some((p) => proxyUniqueKey(p.type, p.address) === key));
      return r ? { id: r.id, displayName: r.displayName, directoryName: r.directoryName, site: r.site ?? 'REDMOND' } : null;
    },
    recipientElsewhere: (name) => {
      const r = all.find((x) => !here(x) && x.directoryName === name);
      return r ? { id: r.id } : null;
    },
  };
}

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

function plan(lookup: DirectoryLookup, text: string, options: { overwrite?: boolean; applyValid?: boolean } = {}) {
  return planImport(lookup, parseImportFile(text), { overwrite: options.overwrite ?? false, applyValid: options.applyValid ?? false });
}

const written = (proxies: Array<{ type: string; address: string; primary: boolean }>) =>
  proxies.map((p) => `${p.primary ? p.type : p.type.toLowerCase()}:${p.address}`).sort();

describe('planImport: creating', () => {
  it("creates Q155594's custom recipient: target as reply address, Site Addressing's SMTP kept as secondary, the secondaries added", () => {
    const result = plan(directory(), csv(
      'Obj-Class,First Name,Last name,Display Name,Alias Name,Directory Name,E-mail Address,Secondary-Proxy-Addresses',
      'Remote,User,1,User1,User1,User1,SMTP:User1@org.com,SMTP:User1@org2.com%SMTP:User1@org3.com%SMTP:User2@org2.com',
    ));
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ created: 1, modified: 0, deleted: 0, unchanged: 0, rejected: 0 });
    const op = result.ops[0] as PlannedCreate;
    expect(op).toMatchObject({ op: 'create', kind: 'custom', directoryName: 'User1', alias: 'User1', displayName: 'User1', firstName: 'User', lastName: '1', targetAddress: 'SMTP:User1@org.com' });
    expect(written(op.proxies)).toEqual([
      'MS:ADATUM/REDMOND/USER1',
      'SMTP:User1@org.com',
      'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=1;g=User;',
      'smtp:User1@adatum.com',
      'smtp:User1@org2.com',
      'smtp:User1@org3.com',
      'smtp:User2@org2.com',
    ].sort());
  });

  it('generates the next free address when the directory, an earlier row or a later row holds it', () => {
    const lookup = directory({ directoryName: 'bob' });
    const result = plan(lookup, csv(
      'Obj-Class,Directory Name,Alias Name,Secondary-Proxy-Addresses',
      'Mailbox,Bob Smith,bob,',
      'Mailbox,Bob Jones,bob,',
      'Mailbox,Ann,ann,smtp:bob4@adatum.com',
    ));
    expect(result.problems).toEqual([]);
    const smtp = (i: number) => (result.ops[i] as PlannedCreate).proxies.find((p) => p.type === 'SMTP' && p.primary)!.address;
    expect([smtp(0), smtp(1)]).toEqual(['bob2@adatum.com', 'bob3@adatum.com']);
    expect((result.ops[0] as PlannedCreate).displayName).toBe('Bob Smith');
  });

  it('gives a new recipient "First Last" as display name when the file has none', () => {
    const result = plan(directory(), csv('Obj-Class,Directory Name,First Name,Last Name', 'Mailbox,jdoe,Jane,Doe'));
    expect(result.ops[0]).toMatchObject({ alias: 'jdoe', displayName: 'Jane Doe' });
  });

  it('refuses an address another recipient holds, naming it, and changes nothing', () => {
    const result = plan(directory({ directoryName: 'bob', displayName: 'Bob Smith' }), csv(
      'Obj-Class,Directory Name,Secondary-Proxy-Addresses',
      'Mailbox,ann,smtp:BOB@adatum.com',
    ));
    expect(result.problems).toEqual([
      { line: 2, column: 'Secondary-Proxy-Addresses', value: 'smtp:BOB@adatum.com', reason: 'This e-mail address already exists in this organization: SMTP:BOB@adatum.com belongs to Bob Smith (directory name bob, site REDMOND).' },
    ]);
    expect(result.counts.rejected).toBe(1);
    expect(result.ops).toEqual([]);
  });

  it('refuses Mode Create for an existing recipient, and Modify or Delete of a missing one', () => {
    const result = plan(directory({ directoryName: 'bob' }), csv(
      'Obj-Class,Mode,Directory Name',
      'Mailbox,Create,BOB',
      'Mailbox,Modify,ghost',
      'Mailbox,Delete,ghost2',
    ));
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([[2, 'Directory Name'], [3, 'Directory Name'], [4, 'Directory Name']]);
    expect(result.problems[0].reason).toContain("already exists in site REDMOND");
    expect(result.problems[1].reason).toBe("There is no recipient with the directory name 'ghost' in site REDMOND to modify.");
  });

  it('refuses a row whose Obj-Class is not the existing object\'s', () => {
    const result = plan(directory({ directoryName: 'bob' }), csv('Obj-Class,Directory Name,Display Name', 'Remote,bob,Bob'));
    expect(result.problems).toEqual([
      { line: 2, column: 'Obj-Class', value: 'Remote', reason: "'bob' is a mailbox in site REDMOND; this row's Obj-Class says a custom recipient (Remote)." },
    ]);
  });

  it('refuses a custom recipient without a target when Update creates it', () => {
    const result = plan(directory(), csv('Obj-Class,Directory Name', 'Remote,partner'));
    expect(result.problems[0]).toMatchObject({ line: 2, column: 'E-mail Address' });
  });
});

describe('planImport: modifying', () => {
  const bob = () =>
    directory({
      directoryName: 'bob',
      displayName: 'Bob',
      proxies: [
        { id: 0, type: 'SMTP', address: 'bob@adatum.com', primary: true },
        { id: 0, type: 'SMTP', address: 'old@adatum.com', primary: false },
        { id: 0, type: 'X400', address: 'c=US;a= ;p=ADATUM;o=REDMOND;s=bob;', primary: true },
      ],
    });

  it('appends secondary addresses by default', () => {
    const lookup = bob();
    const result = plan(lookup, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,bob,smtp:new@fabrikam.com%SMTP:old@adatum.com'));
    expect(result.problems).toEqual([]);
    const op = result.ops[0] as PlannedModify;
    expect(op.proxies).toEqual({ remove: [], update: [], add: [{ type: 'SMTP', address: 'new@fabrikam.com', primary: false }] });
    expect(result.counts.modified).toBe(1);
  });

  it('replaces the secondary addresses with overwrite, keeping the reply addresses', () => {
    const lookup = bob();
    const oldId = lookup.all[0].proxies[1].id;
    const result = plan(lookup, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,bob,smtp:new@fabrikam.com'), { overwrite: true });
    expect((result.ops[0] as PlannedModify).proxies).toEqual({ remove: [oldId], update: [], add: [{ type: 'SMTP', address: 'new@fabrikam.com', primary: false }] });
  });

  it('~DEL removes every secondary address', () => {
    const lookup = bob();
    const result = plan(lookup, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,bob,~DEL'));
    expect((result.ops[0] as PlannedModify).proxies).toEqual({ remove: [lookup.all[0].proxies[1].id], update: [], add: [] });
  });

  it('Proxy-Addresses with overwrite replaces the types it names and keeps the others', () => {
    const lookup = bob();
    const [primary, old, x400] = lookup.all[0].proxies;
    const result = plan(lookup, csv('Obj-Class,Directory Name,Proxy-Addresses', 'Mailbox,bob,SMTP:robert@adatum.com%smtp:bob@adatum.com'), { overwrite: true });
    expect(result.problems).toEqual([]);
    expect((result.ops[0] as PlannedModify).proxies).toEqual({
      remove: [old.id],
      update: [{ id: primary.id, type: 'SMTP', address: 'bob@adatum.com', primary: false }],
      add: [{ type: 'SMTP', address: 'robert@adatum.com', primary: true }],
    });
    expect(x400.type).toBe('X400');
  });

  it('Proxy-Addresses appended: an upper-case prefix makes the address the reply address, the old one stays secondary', () => {
    const lookup = bob();
    const result = plan(lookup, csv('Obj-Class,Directory Name,Proxy-Addresses', 'Mailbox,bob,SMTP:robert@adatum.com'));
    const changes = (result.ops[0] as PlannedModify).proxies!;
    expect(changes.update).toEqual([{ id: lookup.all[0].proxies[0].id, type: 'SMTP', address: 'bob@adatum.com', primary: false }]);
    expect(changes.add).toEqual([{ type: 'SMTP', address: 'robert@adatum.com', primary: true }]);
  });

  it('counts a row that changes nothing as unchanged and plans no write', () => {
    const result = plan(bob(), csv('Obj-Class,Directory Name,Display Name,Secondary-Proxy-Addresses', 'Mailbox,bob,Bob,smtp:old@adatum.com'));
    expect(result.ops).toEqual([]);
    expect(result.counts).toEqual({ created: 0, modified: 0, deleted: 0, unchanged: 1, rejected: 0 });
  });

  it('an address freed by one row can be taken by a later row, not an earlier one', () => {
    const lookup = directory({ directoryName: 'bob', proxies: [{ id: 0, type: 'SMTP', address: 'bob@adatum.com', primary: true }, { id: 0, type: 'SMTP', address: 'shared@adatum.com', primary: false }] });
    const later = plan(lookup, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,bob,~DEL', 'Mailbox,ann,smtp:shared@adatum.com'));
    expect(later.problems).toEqual([]);
    const earlier = plan(lookup, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,ann,smtp:shared@adatum.com', 'Mailbox,bob,~DEL'));
    expect(earlier.problems.map((p) => p.line)).toEqual([2]);
  });

  it('keeps a custom recipient\'s target as its reply address', () => {
    const lookup = directory({
      directoryName: 'partner',
      kind: 'custom',
      targetAddress: 'SMTP:p@partner.example',
      proxies: [{ id: 0, type: 'SMTP', address: 'p@partner.example', primary: true }, { id: 0, type: 'SMTP', address: 'partner@adatum.com', primary: false }],
    });
    const refused = plan(lookup, csv('Obj-Class,Directory Name,Proxy-Addresses', 'Remote,partner,SMTP:partner@adatum.com'));
    expect(refused.problems[0]).toMatchObject({ line: 2, column: 'Proxy-Addresses' });
    const retargeted = plan(lookup, csv('Obj-Class,Directory Name,E-mail Address', 'Remote,partner,SMTP:q@partner.example'));
    expect(retargeted.problems).toEqual([]);
    expect((retargeted.ops[0] as PlannedModify).fields).toEqual({ targetAddress: 'SMTP:q@partner.example' });
  });
});

describe('planImport: deleting and members', () => {
  it('deletes, and frees the deleted recipient\'s addresses for later rows', () => {
    const lookup = directory({ directoryName: 'bob' });
    const result = plan(lookup, csv('Obj-Class,Mode,Directory Name,Secondary-Proxy-Addresses', 'Mailbox,Delete,bob,', 'Mailbox,Create,ann,smtp:bob@adatum.com'));
    expect(result.problems).toEqual([]);
    expect(result.counts).toMatchObject({ created: 1, deleted: 1 });
  });

  it('resolves members in the site, in another site, and created further down the file', () => {
    const lookup = directory({ directoryName: 'bob' }, { directoryName: 'faraway', site: 'PARIS' });
    const result = plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,bob%FARAWAY%ann%faraway', 'Mailbox,ann,'));
    expect(result.problems.map((p) => p.reason)).toEqual([expect.stringContaining("No recipient has the directory name 'FARAWAY'")]);
    const ok = plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,bob%faraway%ann', 'Mailbox,ann,'));
    expect(ok.problems).toEqual([]);
    expect((ok.ops[0] as PlannedCreate).members).toEqual([{ id: 1 }, { id: 2 }, { created: 1 }]);
  });

  it('reports a member that does not exist, with its line, and applies nothing', () => {
    const result = plan(directory(), csv('Obj-Class,Directory Name,Members', 'Mailbox,ann,', 'dl,Sales,ann%ghost'));
    expect(result.problems).toEqual([
      { line: 3, column: 'Members', value: 'ghost', reason: "No recipient has the directory name 'ghost' (in site REDMOND, elsewhere in the organization, or created by this file)." },
    ]);
    expect(result.counts).toMatchObject({ created: 1, rejected: 1 });
  });

  it('with applyValid, a list naming a rejected row is rejected too, and created members are re-numbered', () => {
    const result = plan(directory(), csv(
      'Obj-Class,Directory Name,Members,Secondary-Proxy-Addresses',
      'dl,Broken,ghost,',
      'dl,All,Broken%ann,',
      'Mailbox,ann,,',
      'dl,Good,ann,',
    ), { applyValid: true });
    expect(result.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(result.ops.map((op) => op.line)).toEqual([4, 5]);
    expect((result.ops[1] as PlannedCreate).members).toEqual([{ created: 0 }]);
  });

  it('appends members, or replaces them with overwrite; ~DEL empties the list', () => {
    const lookup = directory({ directoryName: 'bob' }, { directoryName: 'ann' }, { directoryName: 'Sales', kind: 'dl', members: [1] });
    expect((plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,ann')).ops[0] as PlannedModify).members).toEqual([{ id: 1 }, { id: 2 }]);
    expect((plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,ann'), { overwrite: true }).ops[0] as PlannedModify).members).toEqual([{ id: 2 }]);
    expect((plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,~DEL')).ops[0] as PlannedModify).members).toEqual([]);
    expect(plan(lookup, csv('Obj-Class,Directory Name,Members', 'dl,Sales,bob')).counts.unchanged).toBe(1);
  });

  it('cannot name a recipient the same file deletes as a member', () => {
    const lookup = directory({ directoryName: 'bob' });
    const result = plan(lookup, csv('Obj-Class,Mode,Directory Name,Members', 'Mailbox,Delete,bob,', 'dl,Create,Sales,bob'));
    expect(result.problems).toEqual([{ line: 3, column: 'Members', value: 'bob', reason: "'bob' is deleted by line 2 of this file, so it cannot be a member." }]);
  });
});

describe('planImport: numbering', () => {
  it('numbers 3,000 recipients sharing an MS base without trying every number again for each', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Mailbox,averylongalias${i},`);
    const lookup = directory();
    let asked = 0;
    const counting = { ...lookup, proxyHolder: (key: string) => (asked++, lookup.proxyHolder(key)) };
    const result = plan(counting, csv('Obj-Class,Directory Name,Secondary-Proxy-Addresses', ...rows));
    expect(result.problems).toEqual([]);
    const ms = result.ops.map((op) => (op as PlannedCreate).proxies.find((p) => p.type === 'MS')!.address);
    expect(new Set(ms).size).toBe(3000);
    expect(ms.slice(0, 3)).toEqual(['ADATUM/REDMOND/AVERYLONGA', 'ADATUM/REDMOND/AVERYLONG2', 'ADATUM/REDMOND/AVERYLONG3']);
    expect(ms[2999]).toBe('ADATUM/REDMOND/AVERYL3000');
    // A few questions per address (generated, then checked as part of the set), not one per number
    // tried from 2 each time (4.5 million here).
    expect(asked).toBeLessThan(3000 * 3 * 4);
  });
});
