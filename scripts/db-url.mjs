// Resolves DATABASE_URL the same way for every script and for the app (lib/server/db.ts):
// unset → the embedded SQLite file data/xadm.db under the project.
import path from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/xadm.db';

export function databaseUrl() {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The SQLite file of a `file:` URL, resolved against the working directory. */
export function sqlitePath(url = databaseUrl()) {
  if (!url.startsWith('file:')) throw new Error(`DATABASE_URL must be a file: URL (SQLite); PostgreSQL support comes later. Got ${url}`);
  return path.resolve(url.slice('file:'.length));
}
