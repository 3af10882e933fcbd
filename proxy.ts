import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { readCredential } from '@/lib/server/auth/read-credential';

/** Pages anyone may open: the sign-in page itself. */
const PUBLIC_PAGES = new Set(['/sign-in']);

/**
 * Every request but Next.js's own assets comes through here first.
 * - Without a valid session or API token, a page redirects to the sign-in page and an API call
 *   answers 401 (issue 5). Route handlers and server actions check again for themselves; this is
 *   the one place that sees every route, so a new page cannot be left open by mistake.
 * - A URL whose path is not valid percent-encoding (`/sites/%ZZ`) cannot name any object; Next.js
 *   would fail on it with a 500. Answer 400 with the problem named instead, as JSON on the API.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith('/api/');
  try {
    decodeURIComponent(pathname);
  } catch {
    const message = 'The URL path is not valid: it contains a malformed %-escape.';
    return api
      ? NextResponse.json({ error: { code: 'invalid_input', message, fields: { path: 'Malformed %-escape.' } } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (PUBLIC_PAGES.has(pathname)) return NextResponse.next();
  if (await readCredential(request.headers, request.cookies.get(SESSION_COOKIE)?.value)) return NextResponse.next();
  if (api) {
    return NextResponse.json(
      { error: { code: 'unauthorized', message: 'Sign in to the console, or send an API token: Authorization: Bearer xadm_…' } },
      { status: 401, headers: { 'www-authenticate': 'Bearer realm="xadm"' } },
    );
  }
  const signIn = new URL('/sign-in', request.url);
  if (pathname !== '/') signIn.searchParams.set('next', `${pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but Next.js's own assets, and the two routes that receive a Directory Import file:
  // Next.js buffers the body of every request the proxy sees and cuts it at 10 MB
  // (experimental.proxyClientMaxBodySize), and a 100,000-row import file is about 25 MB. Their
  // paths have no parameters a malformed %-escape could break, and their handlers check the
  // credentials themselves (apiRoute).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/directory/import$|api/v1/directory/import-jobs$).*)'],
};
