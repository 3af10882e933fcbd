// Recipients through the data layer on a real, migrated SQLite file: create each kind, get, list,
// update and delete. Each test makes its own recipients with unique names.
import { describe, expect, test } from 'vitest';
import { db } from '@/lib/server/db';
import { DUPLICATE_MESSAGE } from '@/lib/server/recipients/proxy-addresses';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { deleteRecipient } from '@/lib/server/recipients/delete-recipient';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { listRecipients } from '@/lib/server/recipients/list-recipients';
import { updateRecipient } from '@/lib/server/recipients/update-recipient';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipientSchema, updateRecipientSchema } from '@/lib/validation/recipient';
import { RECIPIENT_SORT_KEYS, recipientListQuerySchema } from '@/lib/validation/recipient-list';
import { makeMailbox, uniqueName } from '../factories';
import { expectAppError } from './helpers/app-error';
import { directorySnapshot } from './helpers/snapshot';

const written = (r: Pick<RecipientDetail, 'proxyAddresses'>) =>
  r.proxyAddresses.map((p) => `${p.primary ? p.type : p.type.toLowerCase()}:${p.address}`).sort();

const create = (input: Record<string, unknown>) => createRecipient(createRecipientSchema.parse(input));
const update = (id: number, input: Record<string, unknown>) => updateRecipient(id, updateRecipientSchema.parse(input));
const list = (query: Record<string, unknown>) => listRecipients(recipientListQuerySchema.parse(query));

describe('[RECIPIENTS] create', () => {
  test('a mailbox gets one SMTP, MS and X.400 reply address from Site Addressing, and no cc:Mail', async () => {
    const alias = uniqueName('mark');
    const mailbox = await create({ kind: 'mailbox', alias, displayName: 'Mark Clark', firstName: 'Mark', initials: 'R', lastName: 'Clark' });

    expect(mailbox).toMatchObject({ kind: 'mailbox', site: 'REDMOND', alias, directoryName: alias, displayName: 'Mark Clark', version: 1, targetAddress: null });
    expect(written(mailbox)).toEqual(
      [
        `SMTP:${alias}@adatum.com`,
        `MS:ADATUM/REDMOND/${alias.toUpperCase().slice(0, 10)}`,
        'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;g=Mark;i=R;',
      ].sort(),
    );
    expect(mailbox.proxyAddresses.every((p) => p.primary)).toBe(true);
  });

  test('a directory name can be given; without one it is the alias', async () => {
    const alias = uniqueName('dn');
    const mailbox = await create({ kind: 'mailbox', alias, displayName: 'Named', directoryName: `${alias}-dir` });
    expect(mailbox.directoryName).toBe(`${alias}-dir`);
  });

  test("a second 'bob' gets bob2@adatum.com and ADATUM/REDMOND/BOB2; a third gets bob3", async () => {
    // The only test in this file that uses the alias 'bob' (the file has its own database).
    const first = await create({ kind: 'mailbox', alias: 'bob', directoryName: uniqueName('bob'), displayName: 'Bob Kelly', firstName: 'Bob', lastName: 'Kelly' });
    const second = await create({ kind: 'mailbox', alias: 'bob', directoryName: uniqueName('bob'), displayName: 'Bob Kelly', firstName: 'Bob', lastName: 'Kelly' });
    const third = await create({ kind: 'mailbox', alias: 'bob', directoryName: uniqueName('bob'), displayName: 'Bob Kelly', firstName: 'Bob', lastName: 'Kelly' });

    const smtp = (r: RecipientDetail) => r.proxyAddresses.find((p) => p.type === 'SMTP' && p.primary)?.address;
    const ms = (r: RecipientDetail) => r.proxyAddresses.find((p) => p.type === 'MS')?.address;
    const x400 = (r: RecipientDetail) => r.proxyAddresses.find((p) => p.type === 'X400')?.address;
    expect([smtp(first), smtp(second), smtp(third)]).toEqual(['bob@adatum.com', 'bob2@adatum.com', 'bob3@adatum.com']);
    expect([ms(first), ms(second), ms(third)]).toEqual(['ADATUM/REDMOND/BOB', 'ADATUM/REDMOND/BOB2', 'ADATUM/REDMOND/BOB3']);
    // Same name, same X.400 surname: numbered too, so every address stays unique.
    expect(new Set([x400(first), x400(second), x400(third)]).size).toBe(3);
  });

  test('a directory name already used in the site is a conflict naming the holder, and nothing is created', async () => {
    const existing = await makeMailbox();
    const before = await directorySnapshot();
    const error = await expectAppError(
      create({ kind: 'mailbox', alias: uniqueName('other'), displayName: 'Someone Else', directoryName: existing.directoryName }),
      'conflict',
      new RegExp(`directory name '${existing.directoryName}'.*${existing.displayName}`),
    );
    expect(error.fields).toHaveProperty('directoryName');
    expect(await directorySnapshot()).toEqual(before);
  });

  test("a custom recipient's target is its SMTP reply address; the generated address stays secondary", async () => {
    const alias = uniqueName('partner');
    const target = `${alias}@partner.example`;
    const custom = await create({ kind: 'custom', alias, displayName: 'Partner Contact', targetAddress: `SMTP:${target}` });

    expect(custom.kind).toBe('custom');
    expect(custom.targetAddress).toBe(`SMTP:${target}`);
    const smtp = custom.proxyAddresses.filter((p) => p.type === 'SMTP');
    expect(smtp).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: target, primary: true }),
        expect.objectContaining({ address: `${alias}@adatum.com`, primary: false }),
      ]),
    );
    expect(smtp).toHaveLength(2);
    // MS and X.400 come from Site Addressing as for a mailbox.
    expect(custom.proxyAddresses.filter((p) => p.type !== 'SMTP').every((p) => p.primary)).toBe(true);
  });

  test('a target written with a lower-case prefix is stored in the written form of a reply address', async () => {
    const alias = uniqueName('lower');
    const custom = await create({ kind: 'custom', alias, displayName: 'Lower Prefix', targetAddress: `smtp:${alias}@partner.example` });
    expect(custom.targetAddress).toBe(`SMTP:${alias}@partner.example`);
    expect(custom.proxyAddresses).toContainEqual(expect.objectContaining({ type: 'SMTP', address: `${alias}@partner.example`, primary: true }));
  });

  test("a custom recipient whose target another recipient holds is refused with Exchange's message, and nothing is created", async () => {
    const holder = await makeMailbox();
    const taken = holder.proxyAddresses.find((p) => p.type === 'SMTP')!.address;
    const before = await directorySnapshot();
    const error = await expectAppError(
      create({ kind: 'custom', alias: uniqueName('cust'), displayName: 'Taken Target', targetAddress: `SMTP:${taken.toUpperCase()}` }),
      'conflict',
      DUPLICATE_MESSAGE,
    );
    expect(error.message).toContain(holder.displayName);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a distribution list takes its members by directory name, and each member shows the list', async () => {
    const a = await makeMailbox();
    const b = await makeMailbox();
    const custom = await create({ kind: 'custom', alias: uniqueName('c'), displayName: uniqueName('Custom'), targetAddress: `SMTP:${uniqueName('t')}@partner.example` });
    const alias = uniqueName('list');
    const dl = await create({ kind: 'dl', alias, displayName: `List ${alias}`, members: [a.directoryName, b.directoryName, custom.directoryName, a.directoryName] });

    expect(dl.kind).toBe('dl');
    expect(dl.members.map((m) => m.id).sort()).toEqual([a.id, b.id, custom.id].sort());
    expect(dl.proxyAddresses.map((p) => p.type).sort()).toEqual(['MS', 'SMTP', 'X400']);
    expect((await getRecipient(a.id)).memberOf).toEqual([{ id: dl.id, kind: 'dl', directoryName: dl.directoryName, displayName: dl.displayName }]);
    // A list can be a member of a list.
    const outer = await create({ kind: 'dl', alias: uniqueName('outer'), displayName: uniqueName('Outer'), members: [dl.directoryName] });
    expect(outer.members.map((m) => m.id)).toEqual([dl.id]);
  });

  test('an unknown member is refused, naming it, and nothing is created', async () => {
    const a = await makeMailbox();
    const missing = uniqueName('nobody');
    const before = await directorySnapshot();
    const error = await expectAppError(
      create({ kind: 'dl', alias: uniqueName('list'), displayName: 'Bad List', members: [a.directoryName, missing] }),
      'invalid_input',
      new RegExp(`'${missing}'`),
    );
    expect(error.fields?.members).toContain(missing);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a recipient in a site that does not exist is not found', async () => {
    await expectAppError(create({ kind: 'mailbox', alias: uniqueName('x'), displayName: 'X', site: 'NOWHERE' }), 'not_found', /NOWHERE/);
  });

  test('the site name is matched case-insensitively', async () => {
    const mailbox = await create({ kind: 'mailbox', alias: uniqueName('case'), displayName: 'Case', site: 'redmond' });
    expect(mailbox.site).toBe('REDMOND');
  });
});

describe('[RECIPIENTS] get', () => {
  test('returns what create returned', async () => {
    const mailbox = await makeMailbox({ firstName: 'Anne', lastName: 'Weiler' });
    expect(await getRecipient(mailbox.id)).toEqual(mailbox);
  });

  test('a missing id is not found', async () => {
    await expectAppError(getRecipient(987_654_321), 'not_found', /987654321/);
  });
});

describe('[RECIPIENTS] list', () => {
  /** Recipients whose names sort differently by each key, all matching one unique filter text. */
  async function makeSortable() {
    const tag = uniqueName('srt');
    const specs = [
      { kind: 'mailbox', display: 'c', alias: 'b', dir: 'e' },
      { kind: 'custom', display: 'a', alias: 'd', dir: 'c' },
      { kind: 'dl', display: 'e', alias: 'a', dir: 'b' },
      { kind: 'mailbox', display: 'b', alias: 'e', dir: 'a' },
      { kind: 'dl', display: 'd', alias: 'c', dir: 'd' },
    ] as const;
    const created: RecipientDetail[] = [];
    for (const s of specs) {
      created.push(
        await create({
          kind: s.kind,
          alias: `${tag}${s.alias}`,
          displayName: `${tag} ${s.display}`,
          directoryName: `${tag}${s.dir}`,
          ...(s.kind === 'custom' ? { targetAddress: `SMTP:${tag}${s.alias}@partner.example` } : {}),
        }),
      );
    }
    return { tag, created };
  }

  test('sorts by each key, ascending and descending', async () => {
    const { tag, created } = await makeSortable();
    for (const key of RECIPIENT_SORT_KEYS) {
      for (const descending of [false, true]) {
        const page = await list({ q: tag, sort: `${descending ? '-' : ''}${key}`, perPage: 200 });
        // kind sorts on kind, then display name, then id; descending reverses every key.
        const expected = [...created].sort((x, y) => {
          const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
          const ascending = cmp(x[key].toLowerCase(), y[key].toLowerCase()) || (key === 'kind' ? cmp(x.displayName.toLowerCase(), y.displayName.toLowerCase()) : 0) || x.id - y.id;
          return descending ? -ascending : ascending;
        });
        expect(page.rows.map((r) => r.id), `sort=${descending ? '-' : ''}${key}`).toEqual(expected.map((r) => r.id));
        expect(page.sort).toBe(`${descending ? '-' : ''}${key}`);
      }
    }
  });

  test('pages: total, pageCount, each page holds perPage rows, a page past the end shows the last page', async () => {
    const { tag, created } = await makeSortable();
    const pages = [1, 2, 3].map((page) => list({ q: tag, perPage: 2, page, sort: 'displayName' }));
    const [p1, p2, p3] = await Promise.all(pages);
    expect(p1).toMatchObject({ total: 5, perPage: 2, pageCount: 3, page: 1, site: 'REDMOND', q: tag });
    expect([p1.rows.length, p2.rows.length, p3.rows.length]).toEqual([2, 2, 1]);
    const all = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(5);
    expect(all.sort()).toEqual(created.map((r) => r.id).sort());
    const past = await list({ q: tag, perPage: 2, page: 99 });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.id)).toEqual(p3.rows.map((r) => r.id));
  });

  test('a row carries the reply SMTP address (the target for a custom recipient)', async () => {
    const { tag, created } = await makeSortable();
    const page = await list({ q: tag, perPage: 200 });
    const custom = created.find((r) => r.kind === 'custom')!;
    const row = page.rows.find((r) => r.id === custom.id)!;
    expect(row).toEqual({
      id: custom.id,
      kind: 'custom',
      directoryName: custom.directoryName,
      displayName: custom.displayName,
      alias: custom.alias,
      primarySmtpAddress: custom.targetAddress!.slice('SMTP:'.length),
    });
  });

  test('filters by kind', async () => {
    const { tag, created } = await makeSortable();
    for (const kind of ['mailbox', 'custom', 'dl'] as const) {
      const page = await list({ q: tag, kind, perPage: 200 });
      expect(page.rows.map((r) => r.id).sort()).toEqual(created.filter((r) => r.kind === kind).map((r) => r.id).sort());
    }
  });

  test('filters by the beginning of the display name or alias, case-insensitively; the middle does not match', async () => {
    const tag = uniqueName('flt');
    const byName = await makeMailbox({ alias: uniqueName('plain'), displayName: `${tag.toUpperCase()} Zelda Fitzgerald` });
    const byAlias = await makeMailbox({ alias: `${tag}xy`, displayName: uniqueName('Other') });
    const ids = async (q: string) => (await list({ q, perPage: 200 })).rows.map((r) => r.id).sort();
    expect(await ids(tag)).toEqual([byName.id, byAlias.id].sort());
    expect(await ids(tag.toUpperCase())).toEqual([byName.id, byAlias.id].sort());
    expect(await ids(`${tag} Zelda`)).toEqual([byName.id]);
    expect(await ids(`${tag}XY`)).toEqual([byAlias.id]);
    expect(await ids(`  ${tag}xy  `)).toEqual([byAlias.id]);
    // "Begins with", as Exchange Administrator's type-down: a word inside the name is no match.
    expect(await ids(`Zelda Fitzgerald`)).not.toContain(byName.id);
    expect(await ids(tag.slice(1))).toEqual([]);
  });

  test('filters by the start of a proxy address, bare or in written form (smtp:, SMTP:, MS:)', async () => {
    const local = uniqueName('addr');
    const holder = await makeMailbox({ alias: uniqueName('holder'), displayName: uniqueName('Holder') });
    await addProxyAddress(holder.id, { type: 'SMTP', address: `${local}@domain2.com` });
    await addProxyAddress(holder.id, { type: 'MS', address: `OLDNET/OLDPO/${local.slice(-8).toUpperCase()}` });
    const ids = async (q: string) => (await list({ q, perPage: 200 })).rows.map((r) => r.id);

    expect(await ids(`${local}@domain2`)).toEqual([holder.id]);
    expect(await ids(`${local.toUpperCase()}@DOMAIN2.COM`)).toEqual([holder.id]);
    expect(await ids(`smtp:${local}@`)).toEqual([holder.id]);
    expect(await ids(`SMTP:${local}@domain2.com`)).toEqual([holder.id]);
    expect(await ids(`MS:oldnet/oldpo/${local.slice(-8)}`)).toEqual([holder.id]);
    // A prefix of the address matches, the middle of it does not; the type must match.
    expect(await ids(`@domain2.com-${local}`)).toEqual([]);
    expect(await ids(`ms:${local}@`)).toEqual([]);
  });

  // The filter is a key range, not LIKE: % and _ are plain characters on both databases.
  test('SQL wildcard characters in the filter are matched literally', async () => {
    const tag = uniqueName('wild');
    const literal = await makeMailbox({ displayName: `${tag} 100%_done` });
    await makeMailbox({ displayName: `${tag} 100xydone` });
    await makeMailbox({ displayName: `${tag} 100_done`, alias: `${tag}_x` });
    expect((await list({ q: `${tag} 100%_done`, perPage: 200 })).rows.map((r) => r.id)).toEqual([literal.id]);
    expect((await list({ q: `${tag} 100%`, perPage: 200 })).rows.map((r) => r.id)).toEqual([literal.id]);
    expect((await list({ q: `${tag.slice(0, 4)}%`, perPage: 200 })).rows).toEqual([]);
    expect((await list({ q: `${tag}_`, perPage: 200 })).rows.map((r) => r.alias)).toEqual([`${tag}_x`]);
  });

  test('sorts without regard to case (a, B, c), by display name and by alias', async () => {
    const tag = uniqueName('case');
    const c = await makeMailbox({ alias: `${tag}c`, displayName: `${tag} c` });
    const a = await makeMailbox({ alias: `${tag}A`, displayName: `${tag} a` });
    const b = await makeMailbox({ alias: `${tag}b`, displayName: `${tag} B` });
    const order = async (sort: string) => (await list({ q: tag, sort, perPage: 200 })).rows.map((r) => r.id);
    expect(await order('displayName')).toEqual([a.id, b.id, c.id]);
    expect(await order('-displayName')).toEqual([c.id, b.id, a.id]);
    expect(await order('alias')).toEqual([a.id, b.id, c.id]);
    expect(await order('-alias')).toEqual([c.id, b.id, a.id]);
  });

  test('the filter matches non-ASCII letters in either case and either Unicode form (É, é)', async () => {
    const tag = uniqueName('acc');
    const upper = await makeMailbox({ displayName: `Élodie ${tag}` });
    const lower = await makeMailbox({ displayName: `élise ${tag}` });
    const ids = async (q: string) => (await list({ q, perPage: 200 })).rows.map((r) => r.id);
    expect(await ids(`élodie ${tag}`)).toEqual([upper.id]);
    expect(await ids(`ÉLISE ${tag.toUpperCase()}`)).toEqual([lower.id]);
    expect(await ids(`E\u0301lodie ${tag}`)).toEqual([upper.id]);
    expect(await ids('ÉL')).toEqual(expect.arrayContaining([lower.id, upper.id]));
    // É sorts after every ASCII letter, in either case.
    expect(await ids('El')).not.toContain(upper.id);
  });

  test('a deep page holds what a whole listing holds at that place, filtered or not, in each order', async () => {
    const tag = uniqueName('deep');
    for (let i = 0; i < 30; i++) await makeMailbox({ alias: `${tag}${String((i * 7) % 30).padStart(2, '0')}`, displayName: `${tag} ${i % 2 ? 'Kim' : 'ann'} ${i}` });
    for (const q of [tag, undefined]) {
      for (const sort of ['displayName', '-alias', 'kind', '-directoryName']) {
        const whole = await list({ q, sort, perPage: 200 });
        const all = whole.rows.map((r) => r.id);
        expect(all.length).toBeGreaterThanOrEqual(30);
        const page = await list({ q, sort, perPage: 4, page: 6 });
        expect(page.rows.map((r) => r.id), `${q} ${sort}`).toEqual(all.slice(20, 24));
        expect(page.total).toBe(whole.total);
      }
    }
  });

  test('a control character in q is refused, naming q (PostgreSQL cannot hold a NUL in text)', () => {
    for (const q of ['a\u0000b', 'tab\there', '\u007f']) {
      const parsed = recipientListQuerySchema.safeParse({ q });
      expect(parsed.success, JSON.stringify(q)).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ['q'], message: 'q must not contain control characters.' });
    }
    expect(recipientListQuerySchema.safeParse({ q: 'Kelly, Bob' }).success).toBe(true);
  });

  test('perPage is at least 1 and at most 200; the default is 50', async () => {
    expect(recipientListQuerySchema.parse({}).perPage).toBe(50);
    expect(recipientListQuerySchema.safeParse({ perPage: '200' }).success).toBe(true);
    expect(recipientListQuerySchema.safeParse({ perPage: '201' }).success).toBe(false);
    expect(recipientListQuerySchema.safeParse({ perPage: '0' }).success).toBe(false);
    // 205 recipients: a page never holds more than 200.
    const tag = uniqueName('many');
    for (let i = 0; i < 205; i++) await createRecipient({ kind: 'mailbox', alias: `${tag}n${i}`, displayName: `${tag} ${String(i).padStart(3, '0')}` });
    const first = await list({ q: tag, perPage: 200 });
    expect(first).toMatchObject({ total: 205, pageCount: 2 });
    expect(first.rows).toHaveLength(200);
    expect((await list({ q: tag, perPage: 200, page: 2 })).rows).toHaveLength(5);
  });

  test('an unknown site is not found', async () => {
    await expectAppError(list({ site: 'NOWHERE' }), 'not_found');
  });
});

describe('[RECIPIENTS] update', () => {
  test('General fields are saved and the version goes up; the addresses stay as they were', async () => {
    const mailbox = await makeMailbox({ firstName: 'Kim', lastName: 'Abercrombie' });
    const newAlias = uniqueName('kima');
    const updated = await update(mailbox.id, { version: 1, displayName: 'Kim Abercrombie', firstName: 'Kimberly', initials: 'J', lastName: 'Akers', alias: newAlias });
    expect(updated).toMatchObject({ displayName: 'Kim Abercrombie', firstName: 'Kimberly', initials: 'J', lastName: 'Akers', alias: newAlias, version: 2 });
    expect(updated.directoryName).toBe(mailbox.directoryName);
    // Exchange does not regenerate addresses when the alias changes.
    expect(updated.proxyAddresses).toEqual(mailbox.proxyAddresses);
    expect(await getRecipient(mailbox.id)).toEqual(updated);
  });

  test('the whole E-mail Addresses list is replaced; unchanged rows keep their ids', async () => {
    const mailbox = await makeMailbox();
    const smtp = mailbox.proxyAddresses.find((p) => p.type === 'SMTP')!;
    const ms = mailbox.proxyAddresses.find((p) => p.type === 'MS')!;
    const extra = `${mailbox.alias}@domain2.com`;
    const updated = await update(mailbox.id, {
      proxyAddresses: [
        { type: 'SMTP', address: extra, primary: true },
        { type: 'smtp', address: smtp.address, primary: false },
        { type: 'MS', address: ms.address, primary: true },
        { type: 'NOTES', address: `${mailbox.alias}/Adatum`, primary: true },
      ],
    });
    expect(written(updated)).toEqual([`SMTP:${extra}`, `smtp:${smtp.address}`, `MS:${ms.address}`, `NOTES:${mailbox.alias}/Adatum`].sort());
    expect(updated.proxyAddresses.find((p) => p.address === smtp.address)!.id).toBe(smtp.id);
    expect(updated.proxyAddresses.find((p) => p.address === ms.address)!.id).toBe(ms.id);
    expect(updated.version).toBe(2);
  });

  test('a list with two reply addresses of a type, or a type without one, or a malformed address, saves nothing', async () => {
    const mailbox = await makeMailbox();
    const before = await directorySnapshot();
    const bad = [
      [
        { type: 'SMTP', address: `a${mailbox.alias}@domain2.com`, primary: true },
        { type: 'SMTP', address: `b${mailbox.alias}@domain2.com`, primary: true },
      ],
      [{ type: 'SMTP', address: `a${mailbox.alias}@domain2.com`, primary: false }],
      [{ type: 'SMTP', address: 'not an address', primary: true }],
      [
        { type: 'SMTP', address: `a${mailbox.alias}@domain2.com`, primary: true },
        { type: 'smtp', address: `A${mailbox.alias}@DOMAIN2.com`, primary: false },
      ],
    ];
    for (const proxyAddresses of bad) {
      await expectAppError(update(mailbox.id, { proxyAddresses, displayName: 'Should Not Stick' }), 'invalid_input');
    }
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a proxy list holding another recipient’s address is refused naming the holder, and nothing is saved', async () => {
    const holder = await makeMailbox();
    const mailbox = await makeMailbox();
    const taken = holder.proxyAddresses.find((p) => p.type === 'SMTP')!.address;
    const before = await directorySnapshot();
    const error = await expectAppError(
      update(mailbox.id, {
        displayName: 'Should Not Stick',
        proxyAddresses: [...mailbox.proxyAddresses.map(({ type, address, primary }) => ({ type, address, primary })), { type: 'SMTP', address: taken, primary: false }],
      }),
      'conflict',
      DUPLICATE_MESSAGE,
    );
    expect(error.message).toContain(holder.displayName);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a stale version is a conflict (409) and nothing is saved', async () => {
    const mailbox = await makeMailbox();
    await update(mailbox.id, { version: 1, displayName: 'First Admin' });
    const before = await directorySnapshot();
    const error = await expectAppError(update(mailbox.id, { version: 1, displayName: 'Second Admin' }), 'conflict', /changed by someone else/);
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ version: '2' });
    expect(await directorySnapshot()).toEqual(before);
    expect((await getRecipient(mailbox.id)).displayName).toBe('First Admin');
  });

  test('memberOf sets the lists a recipient belongs to; [] removes it from all; a non-list id is refused', async () => {
    const mailbox = await makeMailbox();
    const l1 = await create({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List') });
    const l2 = await create({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List') });
    const other = await makeMailbox();

    const joined = await update(mailbox.id, { memberOf: [l1.id, l2.id] });
    expect(joined.memberOf.map((l) => l.id).sort()).toEqual([l1.id, l2.id].sort());
    expect((await getRecipient(l1.id)).members.map((m) => m.id)).toEqual([mailbox.id]);

    const before = await directorySnapshot();
    await expectAppError(update(mailbox.id, { memberOf: [l1.id, other.id] }), 'invalid_input', /distribution list/);
    await expectAppError(update(mailbox.id, { memberOf: [987_654_321] }), 'invalid_input');
    expect(await directorySnapshot()).toEqual(before);

    const left = await update(mailbox.id, { memberOf: [l2.id] });
    expect(left.memberOf.map((l) => l.id)).toEqual([l2.id]);
    expect((await update(mailbox.id, { memberOf: [] })).memberOf).toEqual([]);
    expect((await getRecipient(l2.id)).members).toEqual([]);
  });

  test("a list's members are replaced, by directory name or id; members on a mailbox are refused", async () => {
    const a = await makeMailbox();
    const b = await makeMailbox();
    const dl = await create({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List'), members: [a.directoryName] });
    const updated = await update(dl.id, { members: [b.directoryName, a.id] });
    expect(updated.members.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    const before = await directorySnapshot();
    await expectAppError(update(dl.id, { members: [uniqueName('ghost')] }), 'invalid_input', /directory name/);
    await expectAppError(update(a.id, { members: [b.directoryName] }), 'invalid_input', /Only a distribution list/);
    expect(await directorySnapshot()).toEqual(before);
    expect((await update(dl.id, { members: [] })).members).toEqual([]);
  });

  test("a custom recipient's new target replaces the old one as its SMTP reply address", async () => {
    const alias = uniqueName('mover');
    const custom = await create({ kind: 'custom', alias, displayName: 'Mover', targetAddress: `SMTP:${alias}@old.example` });
    const updated = await update(custom.id, { targetAddress: `SMTP:${alias}@new.example` });
    expect(updated.targetAddress).toBe(`SMTP:${alias}@new.example`);
    const smtp = updated.proxyAddresses.filter((p) => p.type === 'SMTP').map((p) => `${p.primary ? 'SMTP' : 'smtp'}:${p.address}`).sort();
    expect(smtp).toEqual([`SMTP:${alias}@new.example`, `smtp:${alias}@adatum.com`].sort());
    await expectAppError(update((await makeMailbox()).id, { targetAddress: 'SMTP:x@partner.example' }), 'invalid_input', /custom recipient/);
  });

  test("a new E-mail Addresses list must keep a custom recipient's target as its reply address", async () => {
    const alias = uniqueName('keep');
    const target = `${alias}@partner.example`;
    const custom = await create({ kind: 'custom', alias, displayName: 'Keeper', targetAddress: `SMTP:${target}` });
    const before = await directorySnapshot();
    const message = new RegExp(`SMTP:${target} is this custom recipient's target address`);
    // Dropped, or kept only as a secondary address: refused, nothing saved.
    for (const proxyAddresses of [
      [{ type: 'SMTP', address: `${alias}@other.example`, primary: true }],
      [
        { type: 'SMTP', address: `${alias}@adatum.com`, primary: true },
        { type: 'SMTP', address: target, primary: false },
      ],
    ]) {
      const error = await expectAppError(update(custom.id, { proxyAddresses }), 'invalid_input', message);
      expect(error.fields).toHaveProperty('proxyAddresses');
    }
    expect(await directorySnapshot()).toEqual(before);
    // Kept as the reply address (in any case): saved.
    const kept = await update(custom.id, { proxyAddresses: [{ type: 'SMTP', address: target.toUpperCase(), primary: true }] });
    expect(written(kept)).toEqual([`SMTP:${target.toUpperCase()}`]);
    // With a new target in the same request, the list is taken and the new target made its reply address.
    const moved = await update(custom.id, {
      targetAddress: `SMTP:${alias}@new.example`,
      proxyAddresses: [{ type: 'SMTP', address: `${alias}@adatum.com`, primary: true }],
    });
    expect(written(moved)).toEqual([`SMTP:${alias}@new.example`, `smtp:${alias}@adatum.com`].sort());
  });

  test('a missing id is not found', async () => {
    await expectAppError(update(987_654_321, { displayName: 'Nobody' }), 'not_found');
  });
});

describe('[RECIPIENTS] delete', () => {
  test('removes the recipient, its addresses and its memberships; its addresses become free', async () => {
    const mailbox = await makeMailbox();
    const dl = await create({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List'), members: [mailbox.directoryName] });
    const address = `${mailbox.alias}@domain2.com`;
    await addProxyAddress(mailbox.id, { type: 'SMTP', address });

    expect(await deleteRecipient(mailbox.id)).toEqual({ id: mailbox.id, displayName: mailbox.displayName });
    await expectAppError(getRecipient(mailbox.id), 'not_found');
    expect(await db.proxyAddress.count({ where: { recipientId: mailbox.id } })).toBe(0);
    expect((await getRecipient(dl.id)).members).toEqual([]);

    const next = await makeMailbox();
    const { proxy } = await addProxyAddress(next.id, { type: 'SMTP', address });
    expect(proxy).toMatchObject({ address, primary: false });
  });

  test('deleting a list leaves its members alone', async () => {
    const mailbox = await makeMailbox();
    const dl = await create({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List'), members: [mailbox.directoryName] });
    await deleteRecipient(dl.id);
    expect((await getRecipient(mailbox.id)).memberOf).toEqual([]);
  });

  test('a missing id is not found, also the second time', async () => {
    const mailbox = await makeMailbox();
    await deleteRecipient(mailbox.id);
    await expectAppError(deleteRecipient(mailbox.id), 'not_found');
    await expectAppError(deleteRecipient(987_654_321), 'not_found');
  });
});
