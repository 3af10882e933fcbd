// The Permissions tab's API on a real SQLite file (issue 5): grant, change and revoke roles on the
// organisation and on a site; only a Permissions Admin may (403 and nothing changed otherwise);
// the organisation never loses its last Permissions Admin; every change leaves an audit entry.
import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import { DELETE, PATCH } from '@/app/api/v1/permissions/[id]/route';
import { GET, POST } from '@/app/api/v1/permissions/route';
import type { Role } from '@/lib/core/auth/permissions';
import { createAdministrator, createApiToken } from '@/lib/server/auth/administrators';
import { db } from '@/lib/server/db';
import { uniqueName } from '../factories';
import { type ApiResult, call, expectErrorShape } from './helpers/api';

/** A new administrator with one role, and an API token that acts as them. */
async function makeAdministrator(role: Role, siteId: number | null = null) {
  const username = uniqueName('perm').toLowerCase();
  const { id } = await createAdministrator({ username, password: 'a long enough password', role, siteId });
  const { token } = await createApiToken(username, 'permissions test');
  return { id, username, token };
}

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** `call`, but as another administrator (call() always sends the test Permissions Admin's token). */
async function callAs<P>(token: string, handler: Handler<P>, options: { method?: string; query?: string; body?: unknown; params?: P } = {}): Promise<ApiResult> {
  const url = new URL(`http://localhost/api/v1/permissions${options.query ?? ''}`);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const request = new NextRequest(url, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await handler(request, { params: Promise.resolve((options.params ?? {}) as P) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, contentType: response.headers.get('content-type') };
}

const grants = () => db.roleGrant.findMany({ orderBy: { id: 'asc' }, select: { id: true, administratorId: true, role: true, siteId: true } });
const audit = (objectId: number) => db.auditEntry.findMany({ where: { objectType: 'role', objectId: String(objectId) }, orderBy: { id: 'asc' } });
const redmondId = async () => (await db.site.findUniqueOrThrow({ where: { name: 'REDMOND' }, select: { id: true } })).id;

describe('[PERMISSIONS] a Permissions Admin manages roles', () => {
  test('grant on a site, change the role, revoke it: each change is listed and audited with before and after', async () => {
    const jdoe = await makeAdministrator('view-only');
    const granted = await call(POST, { method: 'POST', body: { username: jdoe.username.toUpperCase(), role: 'admin', site: 'redmond' } });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect(granted.body).toMatchObject({ username: jdoe.username, role: 'admin', roleLabel: 'Admin', grantedOn: 'REDMOND', inherited: false });
    const id = granted.body.id as number;

    const listed = await call(GET, { query: { site: 'REDMOND' } });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ site: 'REDMOND', name: 'REDMOND', canManage: true });
    expect(listed.body.entries).toContainEqual({ id, username: jdoe.username, role: 'admin', roleLabel: 'Admin', grantedOn: 'REDMOND', inherited: false });
    // The organisation's grants reach every site: listed on the site as inherited.
    expect(listed.body.entries).toContainEqual(expect.objectContaining({ username: jdoe.username, role: 'view-only', grantedOn: 'ADATUM', inherited: true }));
    expect(listed.body.entries).toContainEqual(expect.objectContaining({ username: 'tester', role: 'permissions-admin', inherited: true }));
    // The organisation's own tab shows only its grants.
    const org = await call(GET);
    expect(org.body).toMatchObject({ site: null, name: 'ADATUM', canManage: true });
    expect(org.body.entries.some((e: { id: number }) => e.id === id)).toBe(false);

    const changed = await call(PATCH, { method: 'PATCH', params: { id: String(id) }, body: { role: 'permissions-admin' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id, role: 'permissions-admin', roleLabel: 'Permissions Admin' });
    expect(await db.roleGrant.findUnique({ where: { id }, select: { role: true } })).toEqual({ role: 'permissions-admin' });

    const revoked = await call(DELETE, { method: 'DELETE', params: { id: String(id) } });
    expect(revoked.status).toBe(200);
    expect(await db.roleGrant.findUnique({ where: { id } })).toBeNull();

    const entries = await audit(id);
    expect(entries.map((e) => [e.action, e.actor, e.objectName, e.siteId])).toEqual([
      ['role.grant', 'tester', `${jdoe.username} on REDMOND`, await redmondId()],
      ['role.change', 'tester', `${jdoe.username} on REDMOND`, await redmondId()],
      ['role.revoke', 'tester', `${jdoe.username} on REDMOND`, await redmondId()],
    ]);
    const json = (text: string | null) => (text === null ? null : JSON.parse(text));
    expect(entries.map((e) => [json(e.before), json(e.after)])).toEqual([
      [null, { username: jdoe.username, role: 'admin', scope: 'REDMOND' }],
      [{ username: jdoe.username, role: 'admin', scope: 'REDMOND' }, { username: jdoe.username, role: 'permissions-admin', scope: 'REDMOND' }],
      [{ username: jdoe.username, role: 'permissions-admin', scope: 'REDMOND' }, null],
    ]);
  });

  test('a grant on the organisation (no site) is audited as on the organisation', async () => {
    const someone = await makeAdministrator('view-only', await redmondId());
    const granted = await call(POST, { method: 'POST', body: { username: someone.username, role: 'view-only' } });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ grantedOn: 'ADATUM' });
    expect(await db.roleGrant.findUnique({ where: { id: granted.body.id }, select: { siteId: true } })).toEqual({ siteId: null });
    const [entry] = await audit(granted.body.id);
    expect(entry).toMatchObject({ action: 'role.grant', objectName: `${someone.username} on ADATUM`, siteId: null });
  });

  test('an unknown administrator is named (422); a second grant on the same place is a conflict (409); nothing is written', async () => {
    const before = await grants();
    const unknown = expectErrorShape(await call(POST, { method: 'POST', body: { username: 'nobody-here', role: 'admin', site: 'REDMOND' } }), 422);
    expect(unknown.message).toContain("There is no administrator 'nobody-here'");
    expect(unknown.fields).toHaveProperty('username');
    const jdoe = await makeAdministrator('admin');
    const afterCreate = await grants();
    const duplicate = expectErrorShape(await call(POST, { method: 'POST', body: { username: jdoe.username, role: 'view-only' } }), 409);
    expect(duplicate.message).toContain(`${jdoe.username} already has a role on ADATUM (Admin)`);
    expect(await grants()).toEqual(afterCreate);
    expect(afterCreate.length).toBe(before.length + 1);
  });

  test('bad input: an unknown role, an unknown site, a bad id, a missing grant', async () => {
    const before = await grants();
    expectErrorShape(await call(POST, { method: 'POST', body: { username: 'tester', role: 'owner' } }), 422);
    expectErrorShape(await call(POST, { method: 'POST', body: { username: 'tester', role: 'admin', extra: 1 } }), 422);
    expect(expectErrorShape(await call(POST, { method: 'POST', body: { username: 'tester', role: 'admin', site: 'NOWHERE' } }), 404).message).toContain('NOWHERE');
    expectErrorShape(await call(GET, { query: { site: 'NOWHERE' } }), 404);
    expectErrorShape(await call(PATCH, { method: 'PATCH', params: { id: 'abc' }, body: { role: 'admin' } }), 422);
    expectErrorShape(await call(PATCH, { method: 'PATCH', params: { id: '999999' }, body: { role: 'admin' } }), 404);
    expectErrorShape(await call(DELETE, { method: 'DELETE', params: { id: '999999' } }), 404);
    expect(await grants()).toEqual(before);
  });
});

describe('[PERMISSIONS] only a Permissions Admin may change roles: 403, nothing changed', () => {
  test.each([
    ['an Admin of the organisation', 'admin' as const],
    ['a View Only Admin of the organisation', 'view-only' as const],
  ])('%s can read the tabs but not grant, change or revoke', async (_name, role) => {
    const actor = await makeAdministrator(role);
    const victim = await makeAdministrator('view-only', await redmondId());
    const victimGrant = (await db.roleGrant.findFirstOrThrow({ where: { administratorId: victim.id }, select: { id: true } })).id;
    const before = await grants();
    const auditCount = await db.auditEntry.count();

    const listed = await callAs(actor.token, GET, { query: '?site=REDMOND' });
    expect(listed.status).toBe(200);
    expect(listed.body.canManage).toBe(false);
    expect((await callAs(actor.token, GET)).body.canManage).toBe(false);

    for (const result of [
      await callAs(actor.token, POST, { method: 'POST', body: { username: actor.username, role: 'permissions-admin' } }),
      await callAs(actor.token, POST, { method: 'POST', body: { username: victim.username, role: 'admin', site: 'REDMOND' } }),
      await callAs(actor.token, PATCH, { method: 'PATCH', params: { id: String(victimGrant) }, body: { role: 'permissions-admin' } }),
      await callAs(actor.token, DELETE, { method: 'DELETE', params: { id: String(victimGrant) } }),
    ]) {
      expect(expectErrorShape(result, 403).message).toMatch(/Only a Permissions Admin of (the organization|site REDMOND)/);
    }
    expect(await grants()).toEqual(before);
    expect(await db.auditEntry.count()).toBe(auditCount);
  });

  test("a Permissions Admin of one site manages that site's roles, not the organisation's; another site reads as missing", async () => {
    const org = await db.organization.findFirstOrThrow({ select: { id: true } });
    const other = await db.site.create({ data: { name: uniqueName('SITE').toUpperCase(), organizationId: org.id }, select: { id: true, name: true } });
    const siteAdmin = await makeAdministrator('permissions-admin', await redmondId());
    const someone = await makeAdministrator('view-only', other.id);
    const before = await grants();

    expectErrorShape(await callAs(siteAdmin.token, POST, { method: 'POST', body: { username: someone.username, role: 'admin' } }), 403);
    const hidden = expectErrorShape(await callAs(siteAdmin.token, POST, { method: 'POST', body: { username: someone.username, role: 'admin', site: other.name } }), 404);
    expect(hidden.message).toBe(`There is no site named '${other.name}'.`);
    expectErrorShape(await callAs(siteAdmin.token, GET, { query: `?site=${other.name}` }), 404);
    const otherGrant = (await db.roleGrant.findFirstOrThrow({ where: { administratorId: someone.id }, select: { id: true } })).id;
    expectErrorShape(await callAs(siteAdmin.token, DELETE, { method: 'DELETE', params: { id: String(otherGrant) } }), 404);
    expect(await grants()).toEqual(before);

    const granted = await callAs(siteAdmin.token, POST, { method: 'POST', body: { username: someone.username, role: 'admin', site: 'REDMOND' } });
    expect(granted.status, JSON.stringify(granted.body)).toBe(201);
    expect((await audit(granted.body.id))[0]).toMatchObject({ action: 'role.grant', actor: siteAdmin.username });
  });
});

describe('[PERMISSIONS] the organisation keeps a Permissions Admin', () => {
  test('the last Permissions Admin of the organisation cannot be removed or downgraded (409, says why); with a second one it can', async () => {
    // Leave exactly one organisation-level Permissions Admin: tester.
    await db.roleGrant.updateMany({ where: { siteId: null, role: 'permissions-admin', administrator: { username: { not: 'tester' } } }, data: { role: 'admin' } });
    const testerGrant = (await db.roleGrant.findFirstOrThrow({ where: { siteId: null, role: 'permissions-admin', administrator: { username: 'tester' } }, select: { id: true } })).id;
    const before = await grants();

    const downgrade = expectErrorShape(await call(PATCH, { method: 'PATCH', params: { id: String(testerGrant) }, body: { role: 'admin' } }), 409);
    expect(downgrade.message).toContain('tester is the last Permissions Admin of ADATUM');
    expect(downgrade.message).toContain('nobody could manage permissions any more');
    expectErrorShape(await call(DELETE, { method: 'DELETE', params: { id: String(testerGrant) } }), 409);
    expect(await grants()).toEqual(before);

    const second = await makeAdministrator('permissions-admin');
    const changed = await call(PATCH, { method: 'PATCH', params: { id: String(testerGrant) }, body: { role: 'admin' } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // Now `second` is the last one; tester, an Admin, can no longer manage anything.
    const secondGrant = (await db.roleGrant.findFirstOrThrow({ where: { administratorId: second.id }, select: { id: true } })).id;
    expectErrorShape(await call(DELETE, { method: 'DELETE', params: { id: String(secondGrant) } }), 403);
    expectErrorShape(await callAs(second.token, DELETE, { method: 'DELETE', params: { id: String(secondGrant) } }), 409);
    // Give tester its role back, for whatever runs after.
    expect((await callAs(second.token, PATCH, { method: 'PATCH', params: { id: String(testerGrant) }, body: { role: 'permissions-admin' } })).status).toBe(200);
  });
});
