import 'server-only';
// Who a request comes from: a session cookie or an API token, looked up with prepared statements
// on a query-only connection of their own (microseconds: the proxy asks on every request).
import Database from 'better-sqlite3';
import { secretHash } from '@/lib/core/auth/credentials';
import { databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';

export type SignedIn = { id: number; username: string; via: 'session' | 'token' };

type Reader = {
  file: string;
  session: Database.Statement<[string], { id: number; username: string; expiresAt: string }>;
  token: Database.Statement<[string], { id: number; username: string; tokenId: number }>;
  touchToken: Database.Statement<[string, number]>;
};
const holder = globalThis as unknown as { xadmCredentialReader?: Reader };

function reader(): Reader {
  const file = sqlitePath(databaseUrl());
  let r = holder.xadmCredentialReader;
  if (!r || r.file !== file) {
    // No busy timeout: a wait would block the event loop (WAL reads never wait; the last-used write may be skipped).
    const connection = new Database(file, { fileMustExist: true, timeout: 0 });
    r = {
      file,
      session: connection.prepare(
        'SELECT a."id", a."username", s."expiresAt" FROM "AdminSession" s JOIN "Administrator" a ON a."id" = s."administratorId" WHERE s."tokenHash" = ?',
      ),
      token: connection.prepare(
        'SELECT a."id", a."username", t."id" AS "tokenId" FROM "ApiToken" t JOIN "Administrator" a ON a."id" = t."administratorId" WHERE t."tokenHash" = ? AND t."revokedAt" IS NULL',
      ),
      touchToken: connection.prepare('UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?'),
    };
    holder.xadmCredentialReader = r;
  }
  return r;
}

/** Prisma stores SQLite DateTime as ISO text ('…+00:00') or, from a raw writer, epoch milliseconds. */
const toMillis = (value: string | number) => (typeof value === 'number' ? value : Date.parse(value));

export function readSession(secret: string | undefined): SignedIn | null {
  if (!secret) return null;
  const row = reader().session.get(secretHash(secret));
  if (!row || toMillis(row.expiresAt) <= Date.now()) return null;
  return { id: row.id, username: row.username, via: 'session' };
}

/** When each token's last use was written: at most once a minute, not on every call. */
const touched = new Map<number, number>();

export function readApiToken(token: string | undefined): SignedIn | null {
  if (!token) return null;
  const r = reader();
  const row = r.token.get(secretHash(token));
  if (!row) return null;
  const now = Date.now();
  if (now - (touched.get(row.tokenId) ?? 0) > 60_000) {
    touched.set(row.tokenId, now);
    try {
      r.touchToken.run(new Date(now).toISOString().replace('Z', '+00:00'), row.tokenId);
    } catch {
      // The database is busy with a write: the last-used time can wait for the next minute.
    }
  }
  return { id: row.id, username: row.username, via: 'token' };
}

/** `Authorization: Bearer <token>`, else null. */
export function bearerToken(authorization: string | null): string | undefined {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match ? match[1] : undefined;
}

/** The administrator behind a request's token or session cookie, or null. */
export function readCredential(headers: Headers, cookie: string | undefined): SignedIn | null {
  const token = bearerToken(headers.get('authorization'));
  if (token !== undefined) return readApiToken(token);
  return readSession(cookie);
}
