// A change requested from another site's page is refused (403, nothing changed); the console's
// own pages (same-origin) and scripts (no Origin, no Sec-Fetch-Site) are not.
import { NextRequest } from 'next/server';
import { describe, expect, test } from 'vitest';
import * as recipientsRoute from '@/app/api/v1/recipients/route';
import * as importRoute from '@/app/api/v1/directory/import/route';
import { uniqueName } from '../factories';
import { authHeader, expectErrorShape } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

const create = (headers: Record<string, string>, method = 'POST') =>
  recipientsRoute[method === 'POST' ? 'POST' : 'GET'](
    new NextRequest('http://localhost/api/v1/recipients', {
      method,
      headers: { host: 'localhost', ...authHeader(), ...(method === 'POST' && { 'content-type': 'application/json' }), ...headers },
      ...(method === 'POST' && { body: JSON.stringify({ kind: 'mailbox', alias: uniqueName('xs'), displayName: 'Cross Site' }) }),
    }),
    { params: Promise.resolve({}) },
  );
const read = async (response: Response) => ({ status: response.status, body: await response.json(), contentType: response.headers.get('content-type') });

describe('[CROSS-SITE] changes from another site are refused', () => {
  test.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another host of the same site)', { 'sec-fetch-site': 'same-site' }],
    ['an Origin of another host', { origin: 'http://evil.example' }],
    ['an opaque Origin (a sandboxed frame)', { origin: 'null' }],
  ])('%s → 403, nothing changed', async (_what, headers) => {
    const before = await directorySnapshot();
    const error = expectErrorShape(await read(await create(headers)), 403);
    expect(error.message).toContain('Cross-site requests are refused');
    expect(await directorySnapshot()).toEqual(before);
  });

  test('an import file posted from another site is refused before it is read', async () => {
    const before = await directorySnapshot();
    const response = await importRoute.POST(
      new NextRequest('http://localhost/api/v1/directory/import', {
        method: 'POST',
        headers: { host: 'localhost', ...authHeader(), origin: 'http://evil.example', 'content-type': 'text/plain' },
        body: `Obj-Class,Directory Name\r\nMailbox,${uniqueName('xs')}\r\n`,
      }),
      { params: Promise.resolve({}) },
    );
    expectErrorShape(await read(response), 403);
    expect(await directorySnapshot()).toEqual(before);
  });

  test("the console's own pages, scripts, and reads from anywhere are served", async () => {
    expect((await create({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost' })).status).toBe(201);
    expect((await create({})).status).toBe(201);
    expect((await create({ 'sec-fetch-site': 'cross-site' }, 'GET')).status).toBe(200);
  });
});
