// Sign-in, sessions and API tokens (issue 5) on a real database, and the walk over the route tree:
// without credentials every page redirects to the sign-in page and every API route answers 401.
import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import { proxy } from '@/proxy';
import { LOCKOUT, SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { createAdministrator, createApiToken, revokeApiToken } from '@/lib/server/auth/administrators';
import { readApiToken, readSession } from '@/lib/server/auth/read-credential';
import { signIn, signOut } from '@/lib/server/auth/sign-in';
import { db } from '@/lib/server/db';
import { uniqueName } from '../factories';
import { directorySnapshot } from './helpers/snapshot';

const root = path.resolve(__dirname, '../..');

async function newAdmin() {
  const username = uniqueName('adm').toLowerCase();
  await createAdministrator({ username, password: 'correct horse', role: 'admin' });
  return username;
}

describe('[AUTH] sign-in', () => {
  test('the right password gives a session; signing out ends it', async () => {
    const username = await newAdmin();
    const result = await signIn({ username: username.toUpperCase(), password: 'correct horse' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await readSession(result.secret)).toMatchObject({ username, via: 'session' });
    // Only the hash is stored.
    expect(await db.adminSession.count({ where: { tokenHash: result.secret } })).toBe(0);
    await signOut(result.secret);
    expect(await readSession(result.secret)).toBeNull();
  });

  test('a wrong password and an unknown user read the same', async () => {
    const username = await newAdmin();
    const wrong = await signIn({ username, password: 'nope' });
    const unknown = await signIn({ username: 'nobody-at-all', password: 'nope' });
    expect(wrong).toEqual({ ok: false, message: 'The user name or password is incorrect.' });
    expect(unknown).toEqual(wrong);
  });

  test(`${LOCKOUT.failures} failures lock the account for ${LOCKOUT.minutes} minutes, saying so; then it opens again`, async () => {
    const username = await newAdmin();
    const now = new Date('2026-11-21T12:00:00Z');
    let last;
    // The throttle's delays are real (they slow guessing): a few seconds in all.
    for (let i = 0; i < LOCKOUT.failures; i++) last = await signIn({ username, password: 'guess' }, now);
    expect(last).toMatchObject({ ok: false, message: expect.stringContaining(`locked after ${LOCKOUT.failures} failed sign-ins`) });
    const whileLocked = await signIn({ username, password: 'correct horse' }, new Date(now.getTime() + 60_000));
    expect(whileLocked).toMatchObject({ ok: false, message: expect.stringContaining('Try again after 12:15 UTC') });
    const after = await signIn({ username, password: 'correct horse' }, new Date(now.getTime() + (LOCKOUT.minutes + 1) * 60_000));
    expect(after.ok).toBe(true);
  }, 30_000);

  test('an expired session is not a session', async () => {
    const username = await newAdmin();
    const result = await signIn({ username, password: 'correct horse' }, new Date(Date.now() - 9 * 3_600_000));
    expect(result.ok && (await readSession(result.secret))).toBeNull();
  });
});

describe('[AUTH] API tokens', () => {
  test('a token acts as its administrator until revoked', async () => {
    const username = await newAdmin();
    const { id, token } = await createApiToken(username, 'nightly export');
    expect(token).toMatch(/^xadm_/);
    expect(await readApiToken(token)).toMatchObject({ username, via: 'token' });
    await revokeApiToken(id);
    expect(await readApiToken(token)).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// The route tree: every page and every route handler, found on disk, so a new one cannot be missed.

function walk(dir: string, file: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, file) : entry.name === file ? [full] : [];
  });
}

/** A URL path for an app directory: [site] → REDMOND, [id] → 1, [proxyId] → 1. */
function urlPath(file: string): string {
  const dir = path.relative(path.join(root, 'app'), path.dirname(file));
  const segments = dir === '' ? [] : dir.split(path.sep);
  return `/${segments.map((s) => (s === '[site]' ? 'REDMOND' : /^\[.+\]$/.test(s) ? '1' : s)).join('/')}`;
}

const pages = walk(path.join(root, 'app'), 'page.tsx').map(urlPath);
const routes = walk(path.join(root, 'app', 'api'), 'route.ts');

describe('[AUTH] without credentials', () => {
  test('the route tree is found', () => {
    expect(pages).toContain('/sites/REDMOND/recipients');
    expect(pages).toContain('/sign-in');
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  test.each(pages.filter((p) => p !== '/sign-in'))('page %s redirects to the sign-in page', async (page) => {
    const response = await proxy(new NextRequest(`http://localhost${page}?x=1`));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/sign-in');
    if (page !== '/') expect(location.searchParams.get('next')).toBe(`${page}?x=1`);
  });

  test('a forged or expired cookie is no better than none', async () => {
    const request = new NextRequest('http://localhost/sites/REDMOND/recipients', { headers: { cookie: `${SESSION_COOKIE}=forged` } });
    expect((await proxy(request)).status).toBe(307);
  });

  test.each(routes.map((r) => [urlPath(r), r]))('API %s answers 401 to every method, and changes nothing', async (apiPath, file) => {
    const module = (await import(file)) as Record<string, unknown>;
    const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => typeof module[m] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    expect((await proxy(new NextRequest(`http://localhost${apiPath}`))).status).toBe(401);
    const before = await directorySnapshot();
    for (const method of methods) {
      const handler = module[method] as (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
      const response = await handler(new NextRequest(`http://localhost${apiPath}`, { method, body, headers: { authorization: 'Bearer xadm_not-a-token' } }), {
        params: Promise.resolve({ site: 'REDMOND', id: '1', proxyId: '1' }),
      });
      expect(response.status, `${method} ${apiPath}`).toBe(401);
      expect((await response.json()).error.code).toBe('unauthorized');
    }
    expect(await directorySnapshot()).toEqual(before);
  });
});
