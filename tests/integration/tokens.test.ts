// API tokens from the console (issue 5): an administrator lists, creates and revokes their own
// tokens; a Permissions Admin of the organisation also another's; nobody else can even see that
// another's token exists. Every create and revoke is audited, and the token itself is never kept,
// listed or audited.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, test } from 'vitest';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import { secretHash } from '@/lib/core/auth/credentials';
import type { Role } from '@/lib/core/auth/permissions';
import { createAdministrator, createApiToken } from '@/lib/server/auth/administrators';
import { readApiToken } from '@/lib/server/auth/read-credential';
import { db } from '@/lib/server/db';
import { toAppError } from '@/lib/server/errors';
import { createOwnApiToken } from '@/lib/server/tokens/create-own-api-token';
import { listApiTokens } from '@/lib/server/tokens/list-api-tokens';
import { uniqueName } from '../factories';
import { call, expectErrorShape } from './helpers/api';

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Another administrator and a token of theirs (made from the command line). */
async function administrator(role: Role = 'view-only') {
  const username = uniqueName('tok').toLowerCase();
  await createAdministrator({ username, password: 'a long enough password', role, siteId: null });
  return { username, token: (await createApiToken(username, 'setup')).token };
}

/** A request as that administrator's token (helpers/api.ts `call` always acts as 'tester'). */
async function send(token: string, handler: unknown, method: string, path: string, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await (handler as Handler)(new NextRequest(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
  return { status: response.status, body: await response.json() };
}

const createAs = (token: string, body: unknown) => send(token, tokensRoute.POST, 'POST', '/api/v1/tokens', body);
const listAs = (token: string, username?: string) => send(token, tokensRoute.GET, 'GET', `/api/v1/tokens${username ? `?username=${username}` : ''}`);
const revokeAs = (token: string, id: number) => send(token, tokenRoute.DELETE, 'DELETE', `/api/v1/tokens/${id}`, undefined, { id: String(id) });

/** What a refused request must leave alone: every token (and its state) and the audit trail. */
async function tokensAndAudit() {
  // Not lastUsedAt: sending a token records its use, refused or not.
  const tokens = await db.apiToken.findMany({ select: { id: true, administratorId: true, name: true, tokenHash: true, createdAt: true, revokedAt: true }, orderBy: { id: 'asc' } });
  return { tokens, audit: await db.auditEntry.count() };
}

async function auditOf(id: number) {
  return db.auditEntry.findMany({ where: { objectType: 'api-token', objectId: String(id) }, orderBy: { id: 'asc' } });
}

let tester: { id: number };
beforeAll(async () => {
  tester = await db.administrator.findUniqueOrThrow({ where: { username: 'tester' }, select: { id: true } });
});

describe('[TOKENS] one’s own tokens', () => {
  test('create shows the token once; the list has names and dates only; revoke stops it at once', async () => {
    const name = uniqueName('nightly');
    const created = await call(tokensRoute.POST, { method: 'POST', path: '/api/v1/tokens', body: { name: `  ${name}  ` } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name, username: 'tester', state: 'active', lastUsedAt: null, revokedAt: null });
    expect(created.body.token).toMatch(/^xadm_/);
    const { id, token } = created.body as { id: number; token: string };
    // Stored hashed, and it works as tester.
    expect(await db.apiToken.findUniqueOrThrow({ where: { id }, select: { tokenHash: true, administratorId: true } })).toEqual({ tokenHash: secretHash(token), administratorId: tester.id });
    expect(await readApiToken(token)).toMatchObject({ username: 'tester', via: 'token' });

    const listed = await call(tokensRoute.GET, { path: '/api/v1/tokens' });
    expect(listed.status).toBe(200);
    expect(listed.body.username).toBe('tester');
    expect(listed.body.canManageOthers).toBe(true);
    const entry = listed.body.tokens.find((t: { id: number }) => t.id === id);
    expect(Object.keys(entry).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name', 'revokedAt', 'state']);
    expect(entry).toMatchObject({ name, state: 'active', revokedAt: null });
    // The token was just used (readApiToken above): its last use is recorded.
    expect(entry.lastUsedAt).not.toBeNull();
    const text = JSON.stringify(listed.body);
    expect(text).not.toContain(token);
    expect(text).not.toContain(secretHash(token));

    const revoked = await call(tokenRoute.DELETE, { method: 'DELETE', path: `/api/v1/tokens/${id}`, params: { id: String(id) } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toMatchObject({ id, name, state: 'revoked', username: 'tester' });
    expect(await readApiToken(token)).toBeNull();
    const after = await call(tokensRoute.GET, { path: '/api/v1/tokens' });
    expect(after.body.tokens.find((t: { id: number }) => t.id === id)).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    // Revoking it again says so and records nothing more.
    expectErrorShape(await call(tokenRoute.DELETE, { method: 'DELETE', path: `/api/v1/tokens/${id}`, params: { id: String(id) } }), 409);
    expect((await auditOf(id)).map((e) => e.action)).toEqual(['token.create', 'token.revoke']);
  });

  test('any administrator manages their own: a View Only Admin creates one, uses it, revokes it, and then it is refused', async () => {
    const other = await administrator('view-only');
    const created = await createAs(other.token, { name: 'report' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.username).toBe(other.username);
    const fresh = created.body.token as string;

    const listed = await listAs(fresh);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ username: other.username, canManageOthers: false });
    expect(listed.body.tokens.map((t: { name: string }) => t.name).sort()).toEqual(['report', 'setup']);

    expect((await revokeAs(fresh, created.body.id)).status).toBe(200);
    const refused = await listAs(fresh);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
    // The administrator's other token still works.
    expect((await listAs(other.token)).status).toBe(200);
  });

  test('audit: who created and revoked which token, by name; never the token or its hash', async () => {
    const name = uniqueName('audited');
    const created = await call(tokensRoute.POST, { method: 'POST', path: '/api/v1/tokens', body: { name } });
    const { id, token } = created.body as { id: number; token: string };
    await call(tokenRoute.DELETE, { method: 'DELETE', path: `/api/v1/tokens/${id}`, params: { id: String(id) } });
    const entries = await auditOf(id);
    expect(entries).toMatchObject([
      { action: 'token.create', objectType: 'api-token', objectName: `${name} of tester`, siteId: null, actor: 'tester', administratorId: tester.id, before: null, after: JSON.stringify({ name }) },
      { action: 'token.revoke', objectType: 'api-token', objectName: `${name} of tester`, siteId: null, actor: 'tester', administratorId: tester.id, before: JSON.stringify({ name }), after: null },
    ]);
    const everything = JSON.stringify(await db.auditEntry.findMany());
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(secretHash(token));
  });

  test('invalid input is a 422 naming the field, and saves nothing', async () => {
    const before = await tokensAndAudit();
    // A NUL cannot be stored in PostgreSQL text: refused up front on both databases.
    for (const body of [{}, { name: '   ' }, { name: 'x'.repeat(65) }, { name: 5 }, { name: 'ok', extra: true }, { name: 'ok', username: '' }, { name: 'a\u0000b' }]) {
      const error = expectErrorShape(await call(tokensRoute.POST, { method: 'POST', path: '/api/v1/tokens', body }), 422);
      expect(Object.keys(error.fields ?? {}).length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    expectErrorShape(await call(tokenRoute.DELETE, { method: 'DELETE', path: '/api/v1/tokens/abc', params: { id: 'abc' } }), 422);
    expectErrorShape(await call(tokenRoute.DELETE, { method: 'DELETE', path: '/api/v1/tokens/999999', params: { id: '999999' } }), 404);
    expectErrorShape(await call(tokensRoute.GET, { path: '/api/v1/tokens', query: { username: 'nobody-at-all' } }), 404);
    expect(await tokensAndAudit()).toEqual(before);
  });

  // SQLite stores a NUL like any character; PostgreSQL refuses it, and that refusal is a 422.
  test.runIf(process.env.XADM_TEST_DB === 'postgresql')('a NUL that gets past the API (a data function called directly) is a 422, not a database failure', async () => {
    const other = await createAdministrator({ username: uniqueName('nul').toLowerCase(), password: 'a long enough password', role: 'view-only', siteId: null });
    await expect(createOwnApiToken('a\u0000b', other.username).catch((error: unknown) => Promise.reject(toAppError(error)))).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  test('the command line owns no tokens: it must name the administrator', async () => {
    // Outside a request the actor is the command line (lib/server/auth/actor.ts).
    const before = await tokensAndAudit();
    await expect(createOwnApiToken('cli')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('command line is not an administrator') });
    await expect(listApiTokens()).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await tokensAndAudit()).toEqual(before);
    const other = await administrator('admin');
    const created = await createOwnApiToken('from cli', other.username);
    expect(await readApiToken(created.token)).toMatchObject({ username: other.username });
    expect((await auditOf(created.id))[0]).toMatchObject({ actor: 'command line', objectName: `from cli of ${other.username}` });
  });
});

describe('[TOKENS] another administrator’s tokens', () => {
  test('a Permissions Admin of the organisation lists, creates and revokes them', async () => {
    const other = await administrator('admin');
    const listed = await call(tokensRoute.GET, { path: '/api/v1/tokens', query: { username: other.username.toUpperCase() } });
    expect(listed.status).toBe(200);
    expect(listed.body.username).toBe(other.username);
    expect(listed.body.tokens).toHaveLength(1);

    const created = await call(tokensRoute.POST, { method: 'POST', path: '/api/v1/tokens', body: { name: 'for them', username: other.username } });
    expect(created.status).toBe(201);
    expect(await readApiToken(created.body.token)).toMatchObject({ username: other.username });
    expect((await auditOf(created.body.id))[0]).toMatchObject({ actor: 'tester', objectName: `for them of ${other.username}` });

    const revoked = await call(tokenRoute.DELETE, { method: 'DELETE', path: `/api/v1/tokens/${created.body.id}`, params: { id: String(created.body.id) } });
    expect(revoked.status).toBe(200);
    expect(await readApiToken(created.body.token)).toBeNull();
  });

  test.each<Role>(['view-only', 'admin'])('an administrator with role %s cannot list, create or revoke them (403 / 404), and nothing changes', async (role) => {
    const other = await administrator(role);
    const { id: victimId, token: victim } = await createApiToken('tester', uniqueName('victim'));
    const before = await tokensAndAudit();

    const listed = await listAs(other.token, 'tester');
    expect(listed.status).toBe(403);
    expect(listed.body.error.code).toBe('forbidden');
    expect(JSON.stringify(listed.body)).not.toContain('victim');
    // An unknown name reads the same as a known one: nothing to learn about who exists.
    expect((await listAs(other.token, 'nobody-at-all')).status).toBe(403);
    expect((await createAs(other.token, { name: 'sneaky', username: 'tester' })).status).toBe(403);
    const revoked = await revokeAs(other.token, victimId);
    expect(revoked.status).toBe(404);
    expect(revoked.body.error.message).toBe(`There is no API token ${victimId}.`);

    expect(await tokensAndAudit()).toEqual(before);
    expect(await readApiToken(victim)).toMatchObject({ username: 'tester' });
  });
});
