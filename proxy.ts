import { NextResponse, type NextRequest } from 'next/server';

/**
 * A URL whose path is not valid percent-encoding (`/sites/%ZZ`) cannot name any object; Next.js
 * would fail on it with a 500. Answer 400 with the problem named instead, as JSON on the API.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    const message = 'The URL path is not valid: it contains a malformed %-escape.';
    return request.nextUrl.pathname.startsWith('/api/')
      ? NextResponse.json({ error: { code: 'invalid_input', message, fields: { path: 'Malformed %-escape.' } } }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

export const config = {
  // Everything but Next.js's own assets, and the two routes that receive a Directory Import file:
  // Next.js buffers the body of every request the proxy sees and cuts it at 10 MB
  // (experimental.proxyClientMaxBodySize), and a 100,000-row import file is about 25 MB. Their
  // paths have no parameters a malformed %-escape could break.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|api/v1/directory/import$|api/v1/directory/import-jobs$).*)'],
};
