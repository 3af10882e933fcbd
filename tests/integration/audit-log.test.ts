// Tools → Audit Log through its API: filters, paging, sort, who may see which entries, and the
// CSV export. Each test writes its own entries, named with a unique marker it then filters on.
import { NextRequest } from 'next/server';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import * as auditRoute from '@/app/api/v1/audit/route';
import * as exportRoute from '@/app/api/v1/audit/export/route';
import { createAdministrator, createApiToken } from '@/lib/server/auth/administrators';
import { db } from '@/lib/server/db';
import { uniqueName } from '../factories';
import { call, expectErrorShape } from './helpers/api';

type Entry = {
  at: string;
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string | null;
  objectName: string;
  siteId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

async function writeEntries(entries: Entry[]) {
  for (const e of entries) {
    await db.auditEntry.create({
      data: {
        at: new Date(e.at),
        actor: e.actor ?? 'tester',
        origin: '192.0.2.7',
        action: e.action ?? 'recipient.update',
        objectType: e.objectType ?? 'recipient',
        objectId: e.objectId === undefined ? '1' : e.objectId,
        objectName: e.objectName,
        siteId: e.siteId === undefined ? redmondId : e.siteId,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
      },
    });
  }
}

const list = async (query: Record<string, string>) => call(auditRoute.GET, { path: '/api/v1/audit', query });
const csvRecords = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
const names = (body: { rows: { objectName: string }[] }) => body.rows.map((r) => r.objectName);

let redmondId: number;
let seattleId: number;

beforeAll(async () => {
  redmondId = (await db.site.findFirstOrThrow({ where: { name: 'REDMOND' }, select: { id: true } })).id;
  const organizationId = (await db.organization.findFirstOrThrow({ select: { id: true } })).id;
  seattleId = (await db.site.create({ data: { name: uniqueName('SEATTLE'), organizationId }, select: { id: true } })).id;
});

describe('[AUDIT LOG] GET /api/v1/audit', () => {
  test('newest first by default, with what changed before and after', async () => {
    const m = uniqueName('order');
    await writeEntries([
      { at: '2026-03-01T10:00:00Z', objectName: `${m} first`, before: { displayName: 'Old' }, after: { displayName: 'New' } },
      { at: '2026-03-03T10:00:00Z', objectName: `${m} third`, action: 'recipient.create', before: null, after: { alias: 'x' } },
      { at: '2026-03-02T10:00:00Z', objectName: `${m} second`, action: 'recipient.delete', objectId: '9', before: { alias: 'y' } },
    ]);
    const { status, body } = await list({ object: m });
    expect(status).toBe(200);
    expect(names(body)).toEqual([`${m} third`, `${m} second`, `${m} first`]);
    expect(body.total).toBe(3);
    expect(body.rows[2]).toMatchObject({
      at: '2026-03-01T10:00:00.000Z',
      administrator: 'tester',
      from: '192.0.2.7',
      action: 'recipient.update',
      objectType: 'recipient',
      objectId: '1',
      site: 'REDMOND',
      before: { displayName: 'Old' },
      after: { displayName: 'New' },
    });
    expect(body.rows[0]).toMatchObject({ before: null, after: { alias: 'x' } });
    expect(body.rows[1]).toMatchObject({ before: { alias: 'y' }, after: null });
  });

  test('filters by administrator, action (exact or a kind), object type, object name or id, and time', async () => {
    const m = uniqueName('filter');
    await writeEntries([
      { at: '2026-04-01T08:00:00Z', actor: 'alice', action: 'recipient.create', objectName: `${m} Bob`, objectId: '501' },
      { at: '2026-04-02T08:00:00Z', actor: 'bob', action: 'recipient.update', objectName: `${m} Bob`, objectId: '501' },
      { at: '2026-04-03T23:59:59Z', actor: 'alice', action: 'site-addressing.update', objectType: 'site-addressing', objectName: `${m} Site Addressing`, objectId: null },
      { at: '2026-04-04T00:00:00Z', actor: 'alice', action: 'proxy-address.add', objectType: 'recipient', objectName: `${m} Kelly`, objectId: '502' },
    ]);
    const names4 = async (query: Record<string, string>) => names((await list({ object: m, ...query })).body).map((n) => n.slice(m.length + 1));

    expect(await names4({ administrator: 'alice' })).toEqual(['Kelly', 'Site Addressing', 'Bob']);
    expect(await names4({ administrator: ' Alice ' })).toEqual(['Kelly', 'Site Addressing', 'Bob']);
    expect(await names4({ action: 'recipient.update' })).toEqual(['Bob']);
    expect(await names4({ action: 'recipient.' })).toEqual(['Bob', 'Bob']);
    expect(await names4({ action: 'recipient' })).toEqual([]); // not a prefix without its dot
    expect(await names4({ objectType: 'site-addressing' })).toEqual(['Site Addressing']);
    expect(await names4({ object: `${m} Kel` })).toEqual(['Kelly']);
    // the object's id, exactly
    expect(names((await list({ object: '502' })).body)).toEqual([`${m} Kelly`]);
    // a day runs to its end; an instant is exact
    expect(await names4({ from: '2026-04-02', to: '2026-04-03' })).toEqual(['Site Addressing', 'Bob']);
    expect(await names4({ from: '2026-04-02T08:00:01Z' })).toEqual(['Kelly', 'Site Addressing']);
    expect(await names4({ to: '2026-04-02T10:00:00+02:00' })).toEqual(['Bob', 'Bob']);
    expect(await names4({ administrator: 'alice', action: 'recipient.', from: '2026-04-01', to: '2026-04-01' })).toEqual(['Bob']);
  });

  test('pages on the server: a count, the page asked for, and a page past the end shows the last', async () => {
    const m = uniqueName('paging');
    await writeEntries(Array.from({ length: 7 }, (_, i) => ({ at: `2026-05-01T10:00:0${i}Z`, objectName: `${m} ${i}` })));
    const first = await list({ object: m, perPage: '3' });
    expect(first.body).toMatchObject({ total: 7, page: 1, perPage: 3, pageCount: 3, sort: '-time' });
    expect(names(first.body)).toEqual([`${m} 6`, `${m} 5`, `${m} 4`]);
    expect(names((await list({ object: m, perPage: '3', page: '2' })).body)).toEqual([`${m} 3`, `${m} 2`, `${m} 1`]);
    const past = await list({ object: m, perPage: '3', page: '99' });
    expect(past.body.page).toBe(3);
    expect(names(past.body)).toEqual([`${m} 0`]);
  });

  test('sorts by time, administrator, action or object, either way', async () => {
    const m = uniqueName('sort');
    await writeEntries([
      { at: '2026-06-01T10:00:00Z', actor: 'carol', action: 'recipient.update', objectName: `${m} b` },
      { at: '2026-06-02T10:00:00Z', actor: 'alice', action: 'recipient.delete', objectName: `${m} c` },
      { at: '2026-06-03T10:00:00Z', actor: 'bob', action: 'recipient.create', objectName: `${m} a` },
    ]);
    const sorted = async (sort: string) => names((await list({ object: m, sort })).body).map((n) => n.slice(-1));
    expect(await sorted('time')).toEqual(['b', 'c', 'a']);
    expect(await sorted('-time')).toEqual(['a', 'c', 'b']);
    expect(await sorted('administrator')).toEqual(['c', 'a', 'b']);
    expect(await sorted('-administrator')).toEqual(['b', 'a', 'c']);
    expect(await sorted('action')).toEqual(['a', 'c', 'b']);
    expect(await sorted('object')).toEqual(['a', 'b', 'c']);
    expect(await sorted('-object')).toEqual(['c', 'b', 'a']);
  });

  test.each([
    [{ site: 'REDMOND' }, 'site'],
    [{ perPage: '500' }, 'perPage'],
    [{ page: '0' }, 'page'],
    [{ sort: 'origin' }, 'sort'],
    [{ from: 'yesterday' }, 'from'],
    [{ to: '2026-13-45' }, 'to'],
    [{ action: 'recipient update;' }, 'action'],
  ])('%j is a 422 that names %s', async (query, name) => {
    const error = expectErrorShape(await list(query), 422);
    expect(error.message).toContain(name);
  });
});

describe('[AUDIT LOG] who sees what', () => {
  const asAdmin = async (role: 'admin' | 'view-only', siteId: number) => {
    const username = uniqueName('auditor');
    await createAdministrator({ username, password: 'auditor-password', role, siteId });
    const { token } = await createApiToken(username);
    return async (handler: typeof auditRoute.GET, path: string, query: Record<string, string>) => {
      const url = new URL(`http://localhost${path}`);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const response = await handler(new NextRequest(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
      return { status: response.status, text: await response.text() };
    };
  };

  test("an administrator of one site sees that site's entries, not another site's nor the organisation's", async () => {
    const m = uniqueName('visible');
    await writeEntries([
      { at: '2026-07-01T10:00:00Z', objectName: `${m} seattle`, siteId: seattleId },
      { at: '2026-07-01T10:00:01Z', objectName: `${m} redmond`, siteId: redmondId },
      { at: '2026-07-01T10:00:02Z', objectName: `${m} organization`, siteId: null, action: 'role.grant', objectType: 'administrator' },
    ]);
    const seattleAdmin = await asAdmin('view-only', seattleId);

    const page = await seattleAdmin(auditRoute.GET, '/api/v1/audit', { object: m });
    expect(page.status).toBe(200);
    expect(names(JSON.parse(page.text))).toEqual([`${m} seattle`]);
    expect(JSON.parse(page.text).total).toBe(1);
    // asking for the other entries by name or id finds nothing (missing and forbidden look the same)
    expect(JSON.parse((await seattleAdmin(auditRoute.GET, '/api/v1/audit', { object: `${m} redmond` })).text).total).toBe(0);
    expect(JSON.parse((await seattleAdmin(auditRoute.GET, '/api/v1/audit', { action: 'role.grant', object: m })).text).total).toBe(0);

    const csv = await seattleAdmin(exportRoute.GET, '/api/v1/audit/export', { object: m });
    expect(csv.status).toBe(200);
    expect(csvRecords(csv.text).map((r) => r.Object)).toEqual([`${m} seattle`]);

    // the organisation's Permissions Admin (the test token) sees all three
    expect(names((await list({ object: m })).body)).toEqual([`${m} organization`, `${m} redmond`, `${m} seattle`]);
  });
});

describe('[AUDIT LOG] GET /api/v1/audit/export', () => {
  const exportCsv = (query: Record<string, string>) => call(exportRoute.GET, { path: '/api/v1/audit/export', query });

  test('writes the filtered entries as a CSV attachment, in the same order as the list', async () => {
    const m = uniqueName('csv');
    await writeEntries([
      { at: '2026-08-01T10:00:00Z', actor: 'alice', objectName: `${m} "Quoted, Name"`, before: { displayName: 'Old, name' }, after: { displayName: 'New "name"' } },
      { at: '2026-08-02T10:00:00Z', actor: 'bob', objectName: `${m} other` },
      { at: '2026-08-03T10:00:00Z', actor: 'alice', action: 'sign-in', objectType: 'administrator', objectName: `${m} alice`, siteId: null },
    ]);
    const result = await exportCsv({ object: m, administrator: 'alice' });
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('text/csv; charset=utf-8');
    const text = result.body as string;
    expect(text.split('\r\n')[0]).toBe('Time,Administrator,From,Action,Object type,Object,Site,Before,After');
    const records = csvRecords(text);
    expect(records).toEqual([
      { Time: '2026-08-03T10:00:00.000Z', Administrator: 'alice', From: '192.0.2.7', Action: 'sign-in', 'Object type': 'administrator', Object: `${m} alice`, Site: '', Before: '', After: '' },
      {
        Time: '2026-08-01T10:00:00.000Z',
        Administrator: 'alice',
        From: '192.0.2.7',
        Action: 'recipient.update',
        'Object type': 'recipient',
        Object: `${m} "Quoted, Name"`,
        Site: 'REDMOND',
        Before: '{"displayName":"Old, name"}',
        After: '{"displayName":"New \\"name\\""}',
      },
    ]);
    expect(csvRecords((await exportCsv({ object: m, sort: 'time' })).body).map((r) => r.Administrator)).toEqual(['alice', 'bob', 'alice']);
  });

  test('the response is an attachment; an object name a spreadsheet would run as a formula is defused', async () => {
    const m = uniqueName('formula');
    await writeEntries([{ at: '2026-08-05T10:00:00Z', objectName: `=HYPERLINK("http://x.example","${m}")` }]);
    const response = await exportRoute.GET(
      new NextRequest(new URL(`http://localhost/api/v1/audit/export?object=${encodeURIComponent(m)}`), { headers: { authorization: `Bearer ${process.env.XADM_TEST_TOKEN}` } }),
      { params: Promise.resolve({}) },
    );
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [record] = csvRecords(await response.text());
    expect(record.Object).toBe(`'=HYPERLINK("http://x.example","${m}")`);
  });

  test('exports every entry past a read batch, none twice', async () => {
    const m = uniqueName('many');
    await db.auditEntry.createMany({
      data: Array.from({ length: 4_500 }, (_, i) => ({
        at: new Date(Date.UTC(2026, 8, 1) + Math.floor(i / 3) * 1000), // three entries share each second
        actor: 'tester',
        origin: 'command line',
        action: 'directory.import',
        objectType: 'recipient',
        objectId: String(i),
        objectName: `${m} ${i}`,
        siteId: redmondId,
      })),
    });
    const records = csvRecords((await exportCsv({ object: m })).body);
    expect(records).toHaveLength(4_500);
    expect(new Set(records.map((r) => r.Object)).size).toBe(4_500);
    expect(records[0].Object).toBe(`${m} 4499`);
    expect(records.at(-1)?.Object).toBe(`${m} 0`);
  });

  test('an unknown parameter (paging belongs to the list) is a 422 that names it', async () => {
    const error = expectErrorShape(await exportCsv({ page: '2' }), 422);
    expect(error.message).toContain('page');
  });
});
