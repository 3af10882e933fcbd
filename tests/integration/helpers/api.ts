// Calls App Router route handlers directly, the way Next.js does: a NextRequest and a context
// whose params is a Promise.
import { NextRequest } from 'next/server';
import { expect } from 'vitest';

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** The test administrator's API token (tests/setup-db.ts), as a route handler wants it. */
export const authHeader = (): Record<string, string> => ({ authorization: `Bearer ${process.env.XADM_TEST_TOKEN}` });

export type ApiResult = { status: number; body: any; contentType: string | null };

export async function call<P>(
  handler: Handler<P>,
  {
    method = 'GET',
    path = '/api/v1/test',
    query,
    body,
    params,
  }: { method?: string; path?: string; query?: string | Record<string, string>; body?: unknown; params?: P } = {},
): Promise<ApiResult> {
  const url = new URL(`http://localhost${path}`);
  if (typeof query === 'string') url.search = query;
  else if (query) for (const [key, value] of Object.entries(query)) url.searchParams.append(key, value);
  const init: { method: string; body?: string; headers: Record<string, string> } = { method, headers: authHeader() };
  if (body !== undefined) {
    // A string is sent as it is (to send malformed JSON); anything else is serialised.
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['content-type'] = 'application/json';
  }
  const response = await handler(new NextRequest(url, init), { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, contentType: response.headers.get('content-type') };
}

const CODES = { 422: 'invalid_input', 409: 'conflict', 404: 'not_found', 403: 'forbidden', 401: 'unauthorized', 500: 'internal' } as const;

/** Checks the one error shape `{ error: { code, message, fields? } }` and its code for the status. */
export function expectErrorShape(result: ApiResult, status: 422 | 409 | 404 | 403 | 401) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  expect(result.contentType).toMatch(/application\/json/);
  expect(Object.keys(result.body)).toEqual(['error']);
  const { error } = result.body;
  expect(Object.keys(error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
  expect(error.code).toBe(CODES[status]);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  if ('fields' in error) {
    expect(typeof error.fields).toBe('object');
    for (const value of Object.values(error.fields)) expect(typeof value).toBe('string');
  }
  return error as { code: string; message: string; fields?: Record<string, string> };
}
