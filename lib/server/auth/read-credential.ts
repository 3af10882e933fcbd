import 'server-only';
// Who a request comes from: a session cookie or an API token, looked up on every request (the
// proxy asks first). SQLite: prepared statements on a query-only connection of their own
// (microseconds). PostgreSQL: one query on the raw pool (lib/server/pg-pool.ts).
import Database from 'better-sqlite3';
import { secretHash } from '@/lib/core/auth/credentials';
import { provider } from '@/lib/server/db';
import { pgPool } from '@/lib/server/pg-pool';
import { databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';

export type SignedIn = { id: number; username: string; via: 'session' | 'token' };

type SessionRow = { id: number; username: string; expiresAt: string | number | Date };
type TokenRow = { id: number; username: string; tokenId: number };

const SESSION_SQL =
  'SELECT a."id", a."username", s."expiresAt" FROM "AdminSession" s JOIN "Administrator" a ON a."id" = s."administratorId" WHERE s."tokenHash" = ';
const TOKEN_SQL =
  'SELECT a."id", a."username", t."id" AS "tokenId" FROM "ApiToken" t JOIN "Administrator" a ON a."id" = t."administratorId" WHERE t."revokedAt" IS NULL AND t."tokenHash" = ';

type Reader = {
  file: string;
  session: Database.Statement<[string], SessionRow>;
  token: Database.Statement<[string], TokenRow>;
  touchToken: Database.Statement<[string, number]>;
};
const holder = globalThis as unknown as { xadmCredentialReader?: Reader };

function sqliteReader(): Reader {
  const file = sqlitePath(databaseUrl());
  let r = holder.xadmCredentialReader;
  if (!r || r.file !== file) {
    // No busy timeout: a wait would block the event loop (WAL reads never wait; the last-used write may be skipped).
    const connection = new Database(file, { fileMustExist: true, timeout: 0 });
    r = {
      file,
      session: connection.prepare(`${SESSION_SQL}?`),
      token: connection.prepare(`${TOKEN_SQL}?`),
      touchToken: connection.prepare('UPDATE "ApiToken" SET "lastUsedAt" = ? WHERE "id" = ?'),
    };
    holder.xadmCredentialReader = r;
  }
  return r;
}

/** SQLite DateTime is ISO text ('…+00:00') from Prisma or epoch milliseconds from a raw writer; PostgreSQL gives a Date. */
const toMillis = (value: string | number | Date) => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value));

export async function readSession(secret: string | undefined): Promise<SignedIn | null> {
  if (!secret) return null;
  const hash = secretHash(secret);
  const row = provider === 'sqlite' ? sqliteReader().session.get(hash) : (await pgPool().query<SessionRow>(`${SESSION_SQL}$1`, [hash])).rows[0];
  if (!row || toMillis(row.expiresAt) <= Date.now()) return null;
  return { id: row.id, username: row.username, via: 'session' };
}

/** When each token's last use was written: at most once a minute, not on every call. */
const touched = new Map<number, number>();

export async function readApiToken(token: string | undefined): Promise<SignedIn | null> {
  if (!token) return null;
  const hash = secretHash(token);
  const row = provider === 'sqlite' ? sqliteReader().token.get(hash) : (await pgPool().query<TokenRow>(`${TOKEN_SQL}$1`, [hash])).rows[0];
  if (!row) return null;
  const now = Date.now();
  if (now - (touched.get(row.tokenId) ?? 0) > 60_000) {
    touched.set(row.tokenId, now);
    touchToken(row.tokenId, now);
  }
  return { id: row.id, username: row.username, via: 'token' };
}

function touchToken(tokenId: number, now: number) {
  if (provider === 'sqlite') {
    try {
      sqliteReader().touchToken.run(new Date(now).toISOString().replace('Z', '+00:00'), tokenId);
    } catch {
      // The database is busy with a write: the last-used time can wait for the next minute.
    }
    return;
  }
  // Not awaited: the request does not wait for a bookkeeping write (a row lock held by another
  // transaction would make it wait). Stored as UTC, as Prisma stores DateTime.
  pgPool()
    .query(`UPDATE "ApiToken" SET "lastUsedAt" = (now() AT TIME ZONE 'UTC') WHERE "id" = $1`, [tokenId])
    .catch(() => {});
}

/** `Authorization: Bearer <token>`, else null. */
export function bearerToken(authorization: string | null): string | undefined {
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match ? match[1] : undefined;
}

/** The administrator behind a request's token or session cookie, or null. */
export async function readCredential(headers: Headers, cookie: string | undefined): Promise<SignedIn | null> {
  const token = bearerToken(headers.get('authorization'));
  if (token !== undefined) return readApiToken(token);
  return readSession(cookie);
}
