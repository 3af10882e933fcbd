import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { actorOf, originOf, runAs } from '@/lib/server/auth/actor';
import { type SignedIn, readCredential } from '@/lib/server/auth/read-credential';
import { type AppError, errorBody, forbidden, invalid, notFound, toAppError, unauthorized } from '@/lib/server/errors';
import { MAX_RECORD_ID, parseRecordId } from '@/lib/validation/record-id';

type Context<P> = { params: Promise<P> };

/**
 * The one wrapper every /api/v1 route goes through: runs the handler and maps any error to
 * `{ "error": { code, message, fields? } }` with its status (422, 409, 404; 500 only for the
 * unexpected, with the detail in the server log).
 */
export function apiRoute<P = Record<string, never>>(handler: (request: NextRequest, params: P) => Promise<Response>) {
  return async (request: NextRequest, context: Context<P>): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    try {
      refuseCrossSite(request);
      const actor = await actorOf(await requireCredential(request), originOf(request.headers));
      const params = await context.params;
      response = await runAs(actor, () => handler(request, params));
    } catch (error) {
      const appError: AppError = toAppError(error);
      response = NextResponse.json(errorBody(appError), { status: appError.status });
    }
    return withServerTiming(response, performance.now() - started);
  };
}

/**
 * `Server-Timing: app;dur=<ms>`: the time from the handler's start to its response (credential,
 * database and serialisation; not the framework's routing nor the network), for `npm run bench`
 * and the browser's network panel.
 */
function withServerTiming(response: Response, ms: number): Response {
  try {
    response.headers.append('Server-Timing', `app;dur=${ms.toFixed(2)}`);
  } catch {
    // immutable headers (Response.redirect / Response.error): answered without the timing
  }
  return response;
}

/** A valid session cookie or API token (the proxy checked too; the import routes bypass it). */
async function requireCredential(request: NextRequest): Promise<SignedIn> {
  const signedIn = await readCredential(request.headers, request.cookies.get(SESSION_COOKIE)?.value);
  if (!signedIn) throw unauthorized('Sign in to the console, or send an API token: Authorization: Bearer xadm_…');
  return signedIn;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A change requested by a page of another site (a form or fetch on a web page the admin happens
 * to visit, aimed at the console on the admin network) is refused: browsers say where a request
 * comes from (Sec-Fetch-Site, Origin), and a script or curl sends neither. Reads are left alone:
 * another site cannot read the answers (no CORS headers).
 */
function refuseCrossSite(request: NextRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const crossSite =
    (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none') ||
    (origin !== null && origin !== 'null' ? safeHost(origin) !== request.headers.get('host') : origin === 'null');
  if (crossSite) throw forbidden('Cross-site requests are refused: a change must come from the console itself or from a script.');
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Reads and validates a JSON body; malformed JSON is a 422 like any other bad input. */
export async function readBody<S extends z.ZodType>(request: NextRequest, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw invalid('The request body is not valid JSON.', { body: 'Not valid JSON.' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('The request body must be a JSON object.', { body: 'Must be a JSON object.' });
  }
  refuseNul(body, '');
  return schema.parse(body);
}

/**
 * PostgreSQL text cannot hold U+0000 (SQLite's can), so no field may carry it on either database:
 * a 422 naming the field, where the database would have failed the request.
 */
function refuseNul(value: unknown, path: string): void {
  if (typeof value === 'string') {
    // Worded as the schemas' refusals are (toAppError): "field: field …".
    const field = path || 'body';
    if (value.includes('\u0000')) throw invalid(`${field}: ${field} contains a NUL character (U+0000), which no field can hold.`, { [field]: 'Contains a NUL character.' });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNul(item, `${path}.${index}`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) refuseNul(item, path ? `${path}.${key}` : key);
  }
}

/** Query parameters as an object (a repeated parameter keeps its first value). */
export function readQuery<S extends z.ZodType>(request: NextRequest, schema: S): z.infer<S> {
  // No prototype: a parameter named __proto__ or constructor is a key like any other (and refused).
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of request.nextUrl.searchParams) if (!Object.hasOwn(params, key)) params[key] = value;
  refuseNul(params, '');
  return schema.parse(params);
}

/** A numeric id from the path; anything else names the problem instead of failing later. */
export function readId(value: string, name = 'id'): number {
  const id = parseRecordId(value);
  if (id === null) {
    throw invalid(`${name} must be a positive whole number; '${value.slice(0, 40)}' is not.`, { [name]: 'Must be a positive whole number.' });
  }
  if (id > MAX_RECORD_ID) throw notFound(`Nothing has ${name} ${id}: ids go up to ${MAX_RECORD_ID}.`);
  return id;
}

export const json = (data: unknown, status = 200) => NextResponse.json(data, { status });
