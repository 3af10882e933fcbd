// Resolves DATABASE_URL the same way for every script and for the app (lib/server/db.ts):
// unset or `file:` → the embedded SQLite file (default data/xadm.db under the project);
// `postgresql://` or `postgres://` → PostgreSQL.
import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/xadm.db';

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** 'sqlite' or 'postgresql', from the URL's scheme; anything else is refused with the URL named. */
export function databaseProvider(url = databaseUrl()) {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite, e.g. file:./data/xadm.db) or a postgresql:// URL (PostgreSQL). Got '${redactUrl(url)}'.`,
  );
}

/** The SQLite file of a `file:` URL, resolved against the working directory. */
export function sqlitePath(url = databaseUrl()) {
  if (databaseProvider(url) !== 'sqlite') throw new Error(`Not a SQLite (file:) URL: ${redactUrl(url)}`);
  return path.resolve(url.slice('file:'.length));
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url) {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** Where the database is, for messages: the file, or the server and database without the password. */
export function describeDatabase(url = databaseUrl()) {
  return databaseProvider(url) === 'sqlite' ? sqlitePath(url) : redactUrl(url);
}
