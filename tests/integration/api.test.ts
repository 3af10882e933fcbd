// The /api/v1 route handlers called directly (NextRequest in, Response out) on a real SQLite
// file: status codes and the one error shape { error: { code, message, fields? } }.
import { describe, expect, test } from 'vitest';
import * as proxyRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/[proxyId]/route';
import * as proxiesRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/route';
import * as recipientRoute from '@/app/api/v1/recipients/[id]/route';
import * as recipientsRoute from '@/app/api/v1/recipients/route';
import * as sitesRoute from '@/app/api/v1/sites/route';
import { DUPLICATE_MESSAGE } from '@/lib/server/recipients/proxy-addresses';
import { makeMailbox, uniqueName } from '../factories';
import { call, expectErrorShape } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

const BAD_IDS = ['abc', '-1', '0', '01', '1e3', '1.5', '0x10', ' 1', '1 ', '+1', '99999999999999999999', '9007199254740993', '١', ''];

const recipients = {
  list: (query?: string | Record<string, string>) => call(recipientsRoute.GET, { path: '/api/v1/recipients', query }),
  create: (body: unknown) => call(recipientsRoute.POST, { method: 'POST', path: '/api/v1/recipients', body }),
  get: (id: string | number) => call(recipientRoute.GET, { params: { id: String(id) } }),
  patch: (id: string | number, body: unknown) => call(recipientRoute.PATCH, { method: 'PATCH', body, params: { id: String(id) } }),
  remove: (id: string | number) => call(recipientRoute.DELETE, { method: 'DELETE', params: { id: String(id) } }),
  proxies: (id: string | number) => call(proxiesRoute.GET, { params: { id: String(id) } }),
  addProxy: (id: string | number, body: unknown) => call(proxiesRoute.POST, { method: 'POST', body, params: { id: String(id) } }),
  patchProxy: (id: string | number, proxyId: string | number, body: unknown) =>
    call(proxyRoute.PATCH, { method: 'PATCH', body, params: { id: String(id), proxyId: String(proxyId) } }),
  removeProxy: (id: string | number, proxyId: string | number) =>
    call(proxyRoute.DELETE, { method: 'DELETE', params: { id: String(id), proxyId: String(proxyId) } }),
};

/** Runs `request` and expects `status` with the error shape and an unchanged database. */
async function refused(request: () => Promise<Awaited<ReturnType<typeof call>>>, status: 422 | 409 | 404) {
  const before = await directorySnapshot();
  const error = expectErrorShape(await request(), status);
  expect(await directorySnapshot()).toEqual(before);
  return error;
}

describe('[API] happy paths', () => {
  test('GET /api/v1/sites: the organization and its sites', async () => {
    const result = await call(sitesRoute.GET);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ organization: 'ADATUM', sites: [{ name: 'REDMOND' }] });
  });

  test('a recipient’s life: POST 201, GET 200, PATCH 200, E-mail Addresses POST/PATCH/DELETE, DELETE 200, then 404', async () => {
    const alias = uniqueName('api');
    const created = await recipients.create({ kind: 'mailbox', alias, displayName: 'Api User', firstName: 'Api', lastName: 'User' });
    expect(created.status).toBe(201);
    expect(created.contentType).toMatch(/application\/json/);
    expect(created.body).toMatchObject({ kind: 'mailbox', alias, directoryName: alias, version: 1 });
    const id = created.body.id as number;

    const got = await recipients.get(id);
    expect(got).toMatchObject({ status: 200, body: created.body });

    const patched = await recipients.patch(id, { version: 1, displayName: 'Api User Renamed' });
    expect(patched).toMatchObject({ status: 200, body: { displayName: 'Api User Renamed', version: 2 } });

    const added = await recipients.addProxy(id, { type: 'smtp', address: `${alias}@domain2.com` });
    expect(added.status).toBe(201);
    expect(added.body.proxy).toMatchObject({ type: 'SMTP', address: `${alias}@domain2.com`, primary: false });
    const proxyId = added.body.proxy.id as number;

    const listed = await recipients.proxies(id);
    expect(listed).toMatchObject({ status: 200 });
    expect(listed.body.proxyAddresses).toEqual(added.body.proxyAddresses);

    const reply = await recipients.patchProxy(id, proxyId, { primary: true });
    expect(reply).toMatchObject({ status: 200, body: { proxy: { id: proxyId, primary: true } } });
    const oldReply = reply.body.proxyAddresses.find((p: { address: string }) => p.address === `${alias}@adatum.com`);
    expect(oldReply.primary).toBe(false);

    const removed = await recipients.removeProxy(id, oldReply.id);
    expect(removed).toMatchObject({ status: 200, body: { proxy: null } });
    expect(removed.body.proxyAddresses.map((p: { id: number }) => p.id)).not.toContain(oldReply.id);

    const deleted = await recipients.remove(id);
    expect(deleted).toEqual({ status: 200, contentType: expect.stringMatching(/json/), body: { deleted: { id, displayName: 'Api User Renamed' } } });
    expectErrorShape(await recipients.get(id), 404);
    expectErrorShape(await recipients.remove(id), 404);
  });

  test('GET /api/v1/recipients: a page with its state; defaults page 1, perPage 50, sort displayName', async () => {
    const tag = uniqueName('apilist');
    for (const n of [1, 2, 3]) await makeMailbox({ displayName: `${tag} ${n}` });
    const result = await recipients.list({ q: tag, perPage: '2', sort: '-displayName' });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ site: 'REDMOND', total: 3, page: 1, perPage: 2, pageCount: 2, sort: '-displayName', q: tag });
    expect(result.body.rows.map((r: { displayName: string }) => r.displayName)).toEqual([`${tag} 3`, `${tag} 2`]);
    const defaults = await recipients.list();
    expect(defaults.body).toMatchObject({ page: 1, perPage: 50, sort: 'displayName', q: '' });
    // A repeated parameter keeps its first value.
    expect((await recipients.list(`q=${tag}&perPage=1&perPage=500`)).body.perPage).toBe(1);
  });
});

describe('[API] 422 for invalid input, nothing saved', () => {
  test.each([
    ['malformed JSON', '{"kind": "mailbox",'],
    ['an empty body', ''],
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"mailbox"'],
    ['a number', '42'],
  ])('POST /recipients with %s: the body is named', async (_name, body) => {
    const error = await refused(() => recipients.create(body), 422);
    expect(Object.keys(error.fields ?? {})).toEqual(['body']);
  });

  test.each([
    ['an unknown key', { kind: 'mailbox', alias: 'x1', displayName: 'X', mailboxStore: 'PRIV' }, '_'],
    ['a key named __proto__', JSON.parse('{"kind":"mailbox","alias":"x2","displayName":"X","__proto__":{"admin":true}}'), '_'],
    ['an alias of the wrong type', { kind: 'mailbox', alias: 5, displayName: 'X' }, 'alias'],
    ['a missing display name', { kind: 'mailbox', alias: 'x3' }, 'displayName'],
    ['an unknown kind', { kind: 'public-folder', alias: 'x4', displayName: 'X' }, 'kind'],
    ['an alias with a space', { kind: 'mailbox', alias: 'bob kelly', displayName: 'X' }, 'alias'],
    ['an alias of 65 characters', { kind: 'mailbox', alias: 'a'.repeat(65), displayName: 'X' }, 'alias'],
    ['a display name with a control character', { kind: 'mailbox', alias: 'x5', displayName: 'X\u0007' }, 'displayName'],
    ['initials of 7 characters', { kind: 'mailbox', alias: 'x6', displayName: 'X', initials: 'ABCDEFG' }, 'initials'],
    ['a custom recipient without a target', { kind: 'custom', alias: 'x7', displayName: 'X' }, 'targetAddress'],
    ['a malformed target', { kind: 'custom', alias: 'x8', displayName: 'X', targetAddress: 'SMTP:nobody' }, 'targetAddress'],
    ['a target without a type', { kind: 'custom', alias: 'x9', displayName: 'X', targetAddress: 'cust@partner.example' }, 'targetAddress'],
    ['members on a mailbox', { kind: 'mailbox', alias: 'x10', displayName: 'X', members: ['Administrator'] }, 'members'],
    ['an unknown member', { kind: 'dl', alias: 'x11', displayName: 'X', members: ['NoSuchPerson'] }, 'members'],
    ['members as numbers', { kind: 'dl', alias: 'x12', displayName: 'X', members: [1] }, 'members.0'],
  ])('POST /recipients with %s', async (_name, body, field) => {
    const error = await refused(() => recipients.create(body), 422);
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  test.each(BAD_IDS)('id %j is refused on every /recipients/{id} route', async (id) => {
    const mailbox = await makeMailbox();
    const proxyId = mailbox.proxyAddresses[0].id;
    for (const request of [
      () => recipients.get(id),
      () => recipients.patch(id, { displayName: 'X' }),
      () => recipients.remove(id),
      () => recipients.proxies(id),
      () => recipients.addProxy(id, { type: 'SMTP', address: `${uniqueName('i')}@domain2.com` }),
      () => recipients.patchProxy(id, proxyId, { primary: true }),
      () => recipients.removeProxy(id, proxyId),
    ]) {
      const error = await refused(request, 422);
      expect(error.fields).toHaveProperty('id');
    }
    for (const request of [() => recipients.patchProxy(mailbox.id, id, { primary: true }), () => recipients.removeProxy(mailbox.id, id)]) {
      const error = await refused(request, 422);
      expect(error.fields).toHaveProperty('proxyId');
    }
  });

  test.each([
    ['perPage=0', 'perPage'],
    ['perPage=201', 'perPage'],
    ['perPage=ten', 'perPage'],
    ['perPage=2.5', 'perPage'],
    ['page=0', 'page'],
    ['page=-3', 'page'],
    ['page=Infinity', 'page'],
    ['page=abc', 'page'],
    ['sort=size', 'sort'],
    ['sort=--alias', 'sort'],
    ['sort=displayname', 'sort'],
    ['kind=mailboxes', 'kind'],
    [`q=${'x'.repeat(257)}`, 'q'],
    ['site=', 'site'],
    ['filter=bob', '_'],
    ['__proto__=1', '_'],
    ['constructor=1', '_'],
  ])('GET /recipients?%s names the parameter', async (query, field) => {
    const error = expectErrorShape(await recipients.list(query), 422);
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  test('PATCH /recipients/{id}: bad JSON, unknown keys, bad types, bad proxy lists', async () => {
    const mailbox = await makeMailbox();
    const cases: Array<[unknown, string]> = [
      ['{', 'body'],
      ['[1,2]', 'body'],
      [{ mailboxStore: 'PRIV' }, '_'],
      [{ version: '1' }, 'version'],
      [{ version: 0 }, 'version'],
      [{ version: 1.5 }, 'version'],
      [{ version: 1e300 }, 'version'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: null }, 'displayName'],
      [{ proxyAddresses: 'SMTP:x@y.com' }, 'proxyAddresses'],
      [{ proxyAddresses: [{ type: 'SMTP', address: 'x@y.com' }] }, 'proxyAddresses.0.primary'],
      [{ proxyAddresses: [{ type: 'SMTP', address: 'x@y.com', primary: true, id: 3 }] }, 'proxyAddresses.0'],
      [{ proxyAddresses: [{ type: 'SMTP', address: 'not-an-address', primary: true }] }, 'proxyAddresses.0'],
      [{ memberOf: ['AllStaff'] }, 'memberOf.0'],
      [{ memberOf: [-1] }, 'memberOf.0'],
      [{ memberOf: [2 ** 60] }, 'memberOf.0'],
      [{ members: ['Administrator'] }, 'members'],
      [{ targetAddress: 'SMTP:x@partner.example' }, 'targetAddress'],
    ];
    for (const [body, field] of cases) {
      const error = await refused(() => recipients.patch(mailbox.id, body), 422);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
  });

  test('E-mail Addresses routes: bad bodies', async () => {
    const mailbox = await makeMailbox();
    const proxyId = mailbox.proxyAddresses[0].id;
    const addCases: Array<[unknown, string]> = [
      ['nope', 'body'],
      [{}, 'type'],
      [{ type: 'SMTP' }, 'address'],
      [{ type: 'SMTP', address: 42 }, 'address'],
      [{ type: 'SMTP', address: 'x@domain2.com', primary: 'yes' }, 'primary'],
      [{ type: 'SMTP', address: 'x@domain2.com', reply: true }, '_'],
      [{ type: 'SMTP', address: 'nobody' }, 'address'],
      [{ type: 'MS', address: 'ADATUM/REDMOND' }, 'address'],
      [{ type: 'X400', address: 'c=US;p=ADATUM;' }, 'address'],
      [{ type: 'WAY TOO LONG TYPE', address: 'x' }, 'type'],
    ];
    for (const [body, field] of addCases) {
      const error = await refused(() => recipients.addProxy(mailbox.id, body), 422);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const patchCases: Array<[unknown, string]> = [
      [{}, '_'],
      [{ primary: false }, 'primary'],
      [{ address: 7 }, 'address'],
      [{ type: 'MS' }, '_'],
      [{ address: 'nobody' }, 'address'],
    ];
    for (const [body, field] of patchCases) {
      const error = await refused(() => recipients.patchProxy(mailbox.id, proxyId, body), 422);
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    // Removing the only SMTP address (the reply address) is refused with the reason.
    const smtp = mailbox.proxyAddresses.find((p) => p.type === 'SMTP')!;
    const error = await refused(() => recipients.removeProxy(mailbox.id, smtp.id), 422);
    expect(error.message).toMatch(/reply address; it cannot be removed/);
  });
});

describe('[API] 409 for conflicts, nothing saved', () => {
  test('a directory name in use, an address another recipient holds, a stale version', async () => {
    const holder = await makeMailbox({ displayName: uniqueName('Holder') });
    const taken = holder.proxyAddresses.find((p) => p.type === 'SMTP')!.address;
    const other = await makeMailbox();

    const dup = await refused(() => recipients.create({ kind: 'mailbox', alias: uniqueName('d'), displayName: 'D', directoryName: holder.directoryName }), 409);
    expect(dup.message).toContain(holder.directoryName);

    for (const request of [
      () => recipients.addProxy(other.id, { type: 'SMTP', address: taken.toUpperCase() }),
      () => recipients.patchProxy(other.id, other.proxyAddresses.find((p) => p.type === 'SMTP')!.id, { address: taken }),
      () => recipients.patch(other.id, { proxyAddresses: [{ type: 'SMTP', address: taken, primary: true }] }),
      () => recipients.create({ kind: 'custom', alias: uniqueName('c'), displayName: 'C', targetAddress: `SMTP:${taken}` }),
    ]) {
      const error = await refused(request, 409);
      expect(error.message.startsWith(DUPLICATE_MESSAGE)).toBe(true);
      expect(error.message).toContain(holder.displayName);
      expect(error.fields).toMatchObject({ holderId: String(holder.id) });
    }

    await recipients.patch(other.id, { displayName: 'Changed Once' });
    const stale = await refused(() => recipients.patch(other.id, { version: 1, displayName: 'Changed Twice' }), 409);
    expect(stale.fields).toEqual({ version: '2' });
  });
});

describe('[API] 404 for missing objects and sites', () => {
  test('a missing recipient on every route, a missing proxy address, a missing site', async () => {
    const missing = '987654321';
    const mailbox = await makeMailbox();
    for (const request of [
      () => recipients.get(missing),
      () => recipients.patch(missing, { displayName: 'X' }),
      () => recipients.remove(missing),
      () => recipients.proxies(missing),
      () => recipients.addProxy(missing, { type: 'SMTP', address: `${uniqueName('m')}@domain2.com` }),
      () => recipients.patchProxy(missing, 1, { primary: true }),
      () => recipients.removeProxy(missing, 1),
      () => recipients.patchProxy(mailbox.id, missing, { primary: true }),
      () => recipients.removeProxy(mailbox.id, missing),
      () => recipients.list({ site: 'NOWHERE' }),
      () => recipients.create({ kind: 'mailbox', alias: uniqueName('s'), displayName: 'S', site: 'NOWHERE' }),
      // The largest id readId accepts is still only "not found".
      () => recipients.get(String(Number.MAX_SAFE_INTEGER)),
    ]) {
      await refused(request, 404);
    }
  });
});
