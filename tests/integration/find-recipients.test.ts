// Tools → Find Recipients through its API route (GET /api/v1/recipients/find), on both
// databases: "begins with", case-insensitive, on the display name, the alias and any address
// (any type, or the type written `smtp:`), combined with AND; only the sites the administrator
// can see; at most 200, by display name, with `more`; a bad query is a 422 naming the parameter.
import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import { GET } from '@/app/api/v1/recipients/find/route';
import type { Role } from '@/lib/core/auth/permissions';
import { recipientKeys } from '@/lib/core/search-keys';
import { createAdministrator, createApiToken } from '@/lib/server/auth/administrators';
import { db } from '@/lib/server/db';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import type { FindRecipientsResult } from '@/lib/server/recipients/find-recipients';
import { FIND_LIMIT } from '@/lib/validation/find-recipients';
import { makeMailbox, uniqueName } from '../factories';
import { type ApiResult, call, expectErrorShape } from './helpers/api';

type Handler = (request: NextRequest, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

async function find(query: Record<string, string>, token?: string): Promise<ApiResult> {
  if (!token) return call(GET as Handler, { path: '/api/v1/recipients/find', query });
  const url = new URL('http://localhost/api/v1/recipients/find');
  for (const [key, value] of Object.entries(query)) url.searchParams.append(key, value);
  const response = await (GET as Handler)(new NextRequest(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json(), contentType: response.headers.get('content-type') };
}

async function found(query: Record<string, string>, token?: string): Promise<FindRecipientsResult> {
  const result = await find(query, token);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

const ids = async (query: Record<string, string>, token?: string) => (await found(query, token)).results.map((r) => r.id);

async function makeAdministrator(role: Role, siteId: number | null) {
  const username = uniqueName('find').toLowerCase();
  await createAdministrator({ username, password: 'a long enough password', role, siteId });
  return (await createApiToken(username, 'find recipients test')).token;
}

async function makeSite() {
  const organizationId = (await db.organization.findFirstOrThrow({ select: { id: true } })).id;
  return db.site.create({ data: { name: uniqueName('SEATTLE').toUpperCase(), organizationId }, select: { id: true, name: true } });
}

describe('[FIND RECIPIENTS] begins with', () => {
  test('by display name: its beginning, in any case, not a word inside it; a result names its site and type', async () => {
    const tag = uniqueName('dn');
    const mailbox = await makeMailbox({ displayName: `${tag.toUpperCase()} Kelly` });

    expect(await ids({ displayName: tag })).toEqual([mailbox.id]);
    expect(await ids({ displayName: `${tag} kELLY` })).toEqual([mailbox.id]);
    expect(await ids({ displayName: `  ${tag}  ` })).toEqual([mailbox.id]);
    expect(await ids({ displayName: 'Kelly' })).not.toContain(mailbox.id);
    expect(await ids({ displayName: tag.slice(1) })).toEqual([]);
    const [row] = (await found({ displayName: tag })).results;
    expect(row).toEqual({
      id: mailbox.id,
      site: 'REDMOND',
      kind: 'mailbox',
      directoryName: mailbox.directoryName,
      displayName: mailbox.displayName,
      alias: mailbox.alias,
      matchedAddress: null,
    });
  });

  test('non-ASCII letters match in either case and either Unicode form (É, é, E + combining accent)', async () => {
    const tag = uniqueName('u');
    const accented = await makeMailbox({ displayName: `Émile ${tag}`, lastName: 'Zola' });
    const lower = await makeMailbox({ displayName: `émilie ${tag}` });

    expect(await ids({ displayName: `émile ${tag}` })).toEqual([accented.id]);
    expect(await ids({ displayName: `ÉMILE ${tag.toUpperCase()}` })).toEqual([accented.id]);
    expect(await ids({ displayName: `E\u0301mile ${tag}` })).toEqual([accented.id]);
    expect((await ids({ displayName: 'ÉMIL' })).sort()).toEqual(expect.arrayContaining([accented.id, lower.id]));
    expect(await ids({ displayName: 'Emile' })).not.toContain(accented.id);
  });

  test('by alias', async () => {
    const tag = uniqueName('al');
    const a = await makeMailbox({ alias: `${tag}a`, displayName: uniqueName('Alias A') });
    const b = await makeMailbox({ alias: `${tag}b`, displayName: uniqueName('Alias B') });
    expect((await ids({ alias: tag.toUpperCase() })).sort()).toEqual([a.id, b.id].sort());
    expect(await ids({ alias: `${tag}B` })).toEqual([b.id]);
  });

  test('by any address of any type, bare or written with its type; the address that matched is given in written form', async () => {
    const tag = uniqueName('ad');
    const holder = await makeMailbox({ alias: uniqueName('holder'), displayName: uniqueName('Holder'), lastName: 'Quist' });
    await addProxyAddress(holder.id, { type: 'SMTP', address: `${tag}@Domain2.com` });
    await addProxyAddress(holder.id, { type: 'MS', address: `OLDNET/OLDPO/${tag.slice(-8).toUpperCase()}` });
    await addProxyAddress(holder.id, { type: 'NOTES', address: `${tag}/Adatum` });
    const x400 = holder.proxyAddresses.find((p) => p.type === 'X400')!.address;

    const one = async (query: Record<string, string>) => (await found(query)).results.map((r) => [r.id, r.matchedAddress]);
    // A secondary address, in any case: its written form has the lower-case type.
    expect(await one({ address: `${tag.toUpperCase()}@DOMAIN2` })).toEqual([[holder.id, `smtp:${tag}@Domain2.com`]]);
    expect(await one({ address: `smtp:${tag}@` })).toEqual([[holder.id, `smtp:${tag}@Domain2.com`]]);
    expect(await one({ address: `SMTP:${tag}@domain2.com` })).toEqual([[holder.id, `smtp:${tag}@Domain2.com`]]);
    expect(await one({ address: `oldnet/oldpo/${tag.slice(-8)}` })).toEqual([[holder.id, `ms:OLDNET/OLDPO/${tag.slice(-8).toUpperCase()}`]]);
    // Another type's key keeps its case in uniqueKey: found through addressKey all the same. The
    // first NOTES address became that type's reply address: upper-case type.
    expect(await one({ address: `notes:${tag.toUpperCase()}/ADA` })).toEqual([[holder.id, `NOTES:${tag}/Adatum`]]);
    // The reply X.400 address, with its upper-case type.
    expect(await ids({ address: `X400:${x400.slice(0, x400.indexOf(';s=') + 3)}Quist`, displayName: holder.displayName })).toEqual([holder.id]);
    expect((await one({ address: x400.toLowerCase() }))[0]).toEqual([holder.id, `X400:${x400}`]);
    // The type must match; the middle of an address is no match.
    expect(await ids({ address: `ms:${tag}@` })).toEqual([]);
    expect(await ids({ address: `x400:${tag}` })).toEqual([]);
    expect(await ids({ address: `domain2.com` })).not.toContain(holder.id);
  });

  test('the fields combine with AND', async () => {
    const tag = uniqueName('and');
    const both = await makeMailbox({ alias: `${tag}x`, displayName: `${tag} Both` });
    const nameOnly = await makeMailbox({ alias: uniqueName('other'), displayName: `${tag} Name` });
    await addProxyAddress(both.id, { type: 'SMTP', address: `${tag}.both@fabrikam.com` });

    expect((await ids({ displayName: tag })).sort()).toEqual([both.id, nameOnly.id].sort());
    expect(await ids({ displayName: tag, alias: tag })).toEqual([both.id]);
    expect(await ids({ displayName: tag, address: `${tag}.both@` })).toEqual([both.id]);
    expect(await ids({ displayName: `${tag} Name`, address: `${tag}.both@` })).toEqual([]);
    expect(await ids({ alias: `${tag}x`, address: `smtp:${tag}.both@fab`, displayName: `${tag} b` })).toEqual([both.id]);
  });

  test('% and _ are plain characters', async () => {
    const tag = uniqueName('pct');
    const literal = await makeMailbox({ displayName: `${tag} 100%_done`, alias: `${tag}_a` });
    await makeMailbox({ displayName: `${tag} 100xydone`, alias: `${tag}ba` });
    expect(await ids({ displayName: `${tag} 100%_` })).toEqual([literal.id]);
    expect(await ids({ displayName: `${tag} 100%` })).toEqual([literal.id]);
    expect(await ids({ alias: `${tag}_` })).toEqual([literal.id]);
    expect(await ids({ address: `${tag}_a@` })).toEqual([literal.id]);
    expect(await ids({ displayName: '%' })).toEqual([]);
  });

  test('results are in display name order without regard to case: a, B, c', async () => {
    const tag = uniqueName('ord');
    const c = await makeMailbox({ displayName: `${tag} c` });
    const a = await makeMailbox({ displayName: `${tag} a` });
    const b = await makeMailbox({ displayName: `${tag} B` });
    expect(await ids({ displayName: tag })).toEqual([a.id, b.id, c.id]);
  });
});

describe('[FIND RECIPIENTS] where it looks', () => {
  test('the whole organization, or the site named in Look in (any case)', async () => {
    const tag = uniqueName('wh');
    const site = await makeSite();
    const here = await makeMailbox({ displayName: `${tag} Redmond` });
    const there = await createRecipient({ kind: 'mailbox', site: site.name, alias: `${tag}s`, displayName: `${tag} Seattle` });

    const all = await found({ displayName: tag });
    expect(all.results.map((r) => [r.id, r.site])).toEqual([
      [here.id, 'REDMOND'],
      [there.id, site.name],
    ]);
    expect(await ids({ displayName: tag, site: 'redmond' })).toEqual([here.id]);
    expect(await ids({ displayName: tag, site: site.name.toLowerCase() })).toEqual([there.id]);
    expectErrorShape(await find({ displayName: tag, site: 'NOWHERE' }), 404);
  });

  test('an administrator finds only in the sites they have a role on; another site does not exist for them', async () => {
    const tag = uniqueName('vis');
    const site = await makeSite();
    const redmondId = (await db.site.findUniqueOrThrow({ where: { name: 'REDMOND' }, select: { id: true } })).id;
    const here = await makeMailbox({ displayName: `${tag} Redmond`, alias: `${tag}r` });
    const there = await createRecipient({ kind: 'mailbox', site: site.name, alias: `${tag}s`, displayName: `${tag} Seattle` });
    await addProxyAddress(there.id, { type: 'SMTP', address: `${tag}.secret@fabrikam.com` });

    const viewOnlyRedmond = await makeAdministrator('view-only', redmondId);
    expect(await ids({ displayName: tag }, viewOnlyRedmond)).toEqual([here.id]);
    expect(await ids({ address: `${tag}.secret@` }, viewOnlyRedmond)).toEqual([]);
    expect(await ids({ alias: `${tag}s` }, viewOnlyRedmond)).toEqual([]);
    const hidden = expectErrorShape(await find({ displayName: tag, site: site.name }, viewOnlyRedmond), 404);
    expect(hidden.message).toBe(`There is no site named '${site.name}'.`);

    const adminThere = await makeAdministrator('admin', site.id);
    expect(await ids({ displayName: tag }, adminThere)).toEqual([there.id]);
    expect(await ids({ address: `${tag}.secret@` }, adminThere)).toEqual([there.id]);
    expectErrorShape(await find({ displayName: tag, site: 'REDMOND' }, adminThere), 404);

    const viewOnlyOrganization = await makeAdministrator('view-only', null);
    expect((await ids({ displayName: tag }, viewOnlyOrganization)).sort()).toEqual([here.id, there.id].sort());
  });
});

describe('[FIND RECIPIENTS] at most 200', () => {
  test('the first 200 by display name, and more: true when others match', async () => {
    const tag = uniqueName('cap');
    const siteId = (await db.site.findUniqueOrThrow({ where: { name: 'REDMOND' }, select: { id: true } })).id;
    // Written straight to the table: 201 recipients through createRecipient would take seconds.
    const names = Array.from({ length: FIND_LIMIT + 1 }, (_, i) => ({ alias: `${tag}n${String(FIND_LIMIT - i).padStart(3, '0')}`, displayName: `${tag} ${String(FIND_LIMIT - i).padStart(3, '0')}` }));
    await db.recipient.createMany({
      data: names.map(({ alias, displayName }) => ({ siteId, kind: 'mailbox', directoryName: alias, alias, displayName, ...recipientKeys({ alias, displayName }) })),
    });

    const over = await found({ displayName: tag });
    expect(over.more).toBe(true);
    expect(over.results).toHaveLength(FIND_LIMIT);
    expect(over.results.map((r) => r.displayName)).toEqual(names.map((n) => n.displayName).sort().slice(0, FIND_LIMIT));

    const exactly = await found({ displayName: `${tag} 0` });
    expect(exactly.more).toBe(false);
    expect(exactly.results).toHaveLength(100);
  });
});

describe('[FIND RECIPIENTS] refused queries', () => {
  test('nothing to search for is a 422 naming displayName, alias and address', async () => {
    const queries: Record<string, string>[] = [{}, { displayName: '' }, { displayName: '   ', alias: '', address: ' ' }, { site: 'REDMOND' }];
    for (const query of queries) {
      const error = expectErrorShape(await find(query), 422);
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(['address', 'alias', 'displayName']);
      expect(error.message).toMatch(/displayName, alias or address/);
    }
  });

  test('too long, control characters, an unknown parameter: 422 naming it', async () => {
    const unknown = expectErrorShape(await find({ displayName: 'a', sort: 'alias' }), 422);
    expect(unknown.message).toContain('"sort"');
    const cases: [Record<string, string>, string][] = [
      [{ displayName: 'x'.repeat(257) }, 'displayName'],
      [{ alias: 'x'.repeat(65) }, 'alias'],
      [{ address: `smtp:${'x'.repeat(1040)}` }, 'address'],
      [{ displayName: 'a\u0000b' }, 'displayName'],
      [{ address: 'a\tb' }, 'address'],
      [{ displayName: 'a', site: 'x'.repeat(65) }, 'site'],
    ];
    for (const [query, field] of cases) {
      const error = expectErrorShape(await find(query), 422);
      expect(error.fields, JSON.stringify(query)).toHaveProperty(field);
      expect(error.message).toMatch(new RegExp(`^${field}: ${field} `));
    }
  });
});
