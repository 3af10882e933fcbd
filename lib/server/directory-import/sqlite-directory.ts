import 'server-only';
// Directory Import's access to the embedded SQLite database: the planner's lookups and the plan's
// writes, as better-sqlite3 prepared statements on a connection of the import's own.
//
// Why not Prisma here: a 100,000-recipient import is about 700,000 rows. Through Prisma's
// createMany it took 80 s and 1.4 GB; through Prisma's raw multi-row INSERTs 6 s and 520 MB;
// through prepared statements 3 s and 120 MB (measured on this machine, 2026-11-21). The import's
// targets are 15 s and 500 MB for everything, parsing included. PostgreSQL has its own
// implementation of this module (pg-directory.ts); directory-store.ts picks one by DATABASE_URL.
//
// Its own connection: a write transaction on the app's Prisma connection would hold up every
// other request of the console until the import ends. With the database in WAL mode
// (scripts/migrate.mjs) the console's reads go on while the import writes.
import Database from 'better-sqlite3';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { lowerCaseKey } from '@/lib/core/search-keys';
import type { DirectoryLookup, ExistingProxy, ExistingRecipient, MemberRef, PlannedOp, ProxyHolder } from '@/lib/core/directory-import/plan-import';
import { type ImportDirectory, type SiteRow, auditEntryValues, siteAddressingRules } from './directory-store';
import type { RecipientKind } from '@/lib/validation/recipient';
import type { Actor } from '@/lib/server/auth/actor';
import type { AuditInput } from '@/lib/server/audit/record-audit';
import { databaseUrl, sqlitePath } from '@/scripts/db-url.mjs';
import { timeSlicer } from './time-slice';

export type ImportConnection = Database.Database;

export function openImportConnection(): ImportConnection {
  // No busy timeout: better-sqlite3 would wait for a lock synchronously, freezing this process's
  // event loop — and with it a console write in the same process that holds the lock and needs the
  // event loop to finish. beginWrite waits asynchronously instead.
  const connection = new Database(sqlitePath(databaseUrl()), { fileMustExist: true, timeout: 0 });
  connection.pragma('foreign_keys = ON');
  return connection;
}

/** How long an import waits for the write lock before giving up (the console's writers wait as long). */
const LOCK_WAIT_MS = 10_000;

/**
 * BEGIN IMMEDIATE, waiting for another writer to finish without blocking the event loop. A busy
 * error after LOCK_WAIT_MS is the caller's to report.
 */
export async function beginWrite(connection: ImportConnection): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      connection.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      if (!isSqliteBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

export type { SiteRow } from './directory-store';

/** SQLite gave up waiting for a lock (another connection held it). */
export function isSqliteBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Every site, in id order (the first is the default container, as findSite). */
export function listSites(connection: ImportConnection): SiteRow[] {
  return connection.prepare('SELECT "id", "name" FROM "Site" ORDER BY "id"').all() as SiteRow[];
}

type RecipientRow = Omit<ExistingRecipient, 'kind'> & { kind: string };

/** The planner's questions, answered with prepared statements inside the import's transaction. */
export function sqliteLookup(connection: ImportConnection, site: SiteRow): DirectoryLookup {
  const rules = siteAddressingRules(
    (connection.prepare('SELECT "type", "rule", "enabled" FROM "SiteAddressingRule" WHERE "siteId" = ?').all(site.id) as Array<{ type: string; rule: string; enabled: number }>).map(
      (r) => ({ ...r, enabled: r.enabled === 1 }),
    ),
  );

  // Directory names of the container: exact, and case-insensitive (Exchange's names are).
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  for (const row of connection.prepare('SELECT "id", "directoryName" FROM "Recipient" WHERE "siteId" = ?').iterate(site.id) as IterableIterator<{ id: number; directoryName: string }>) {
    exact.set(row.directoryName, row.id);
    const key = row.directoryName.toLowerCase();
    if (!folded.has(key)) folded.set(key, row.id);
  }

  const recipientById = connection.prepare(
    'SELECT "id", "kind", "directoryName", "alias", "displayName", "firstName", "lastName", "initials", "targetAddress" FROM "Recipient" WHERE "id" = ?',
  );
  const proxiesOf = connection.prepare('SELECT "id", "type", "address", "primary" FROM "ProxyAddress" WHERE "recipientId" = ? ORDER BY "id"');
  const membersOf = connection.prepare('SELECT "memberId" FROM "DistributionListMember" WHERE "listId" = ?').pluck();
  // Every address of the organisation, by its unique key: one pass over the index instead of a
  // query per address checked (a 100,000-row file checks about 900,000). About 30 MB for 400,000.
  const holders = new Map<string, number>();
  for (const [key, id] of connection.prepare('SELECT "uniqueKey", "recipientId" FROM "ProxyAddress"').raw().iterate() as IterableIterator<[string, number]>) {
    holders.set(key, id);
  }
  const holder = connection.prepare(
    `SELECT r."id", r."displayName", r."directoryName", s."name" AS "site"
       FROM "Recipient" r JOIN "Site" s ON s."id" = r."siteId" WHERE r."id" = ?`,
  );
  const elsewhere = connection.prepare('SELECT "id" FROM "Recipient" WHERE "directoryName" = ? AND "siteId" <> ? ORDER BY "id" LIMIT 1');

  return {
    site: site.name,
    rules,
    recipientByName(directoryName) {
      const id = exact.get(directoryName) ?? folded.get(directoryName.toLowerCase());
      if (id === undefined) return null;
      const row = recipientById.get(id) as RecipientRow | undefined;
      return row ? { ...row, kind: row.kind as RecipientKind } : null;
    },
    proxiesOf(recipientId) {
      return (proxiesOf.all(recipientId) as Array<Omit<ExistingProxy, 'primary'> & { primary: number }>).map((p) => ({ ...p, primary: p.primary === 1 }));
    },
    membersOf(listId) {
      return membersOf.all(listId) as number[];
    },
    proxyHolder(uniqueKey) {
      const id = holders.get(uniqueKey);
      return id === undefined ? null : ((holder.get(id) as ProxyHolder | undefined) ?? null);
    },
    recipientElsewhere(directoryName) {
      return (elsewhere.get(directoryName, site.id) as { id: number } | undefined) ?? null;
    },
  };
}

/** An audit entry (lib/server/audit/record-audit.ts's shape) written in the import's own transaction. */
export function writeAuditEntry(connection: ImportConnection, actor: Actor, entry: AuditInput): void {
  connection
    .prepare(
      `INSERT INTO "AuditEntry" ("at", "administratorId", "actor", "origin", "action", "objectType", "objectId", "objectName", "siteId", "before", "after")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(prismaDateTime(new Date()), ...auditEntryValues(actor, entry));
}

/** Prisma's DateTime text on SQLite, so rows written here read back through Prisma. */
const prismaDateTime = (date: Date) => date.toISOString().replace('Z', '+00:00');

/**
 * Writes a plan's operations in file order, then the lists' members (a list may name a recipient
 * created after it). The caller holds the transaction. Between slices of about 15 ms the event loop
 * gets a turn, and `onApplied` hears how many operations are done.
 */
export async function writePlan(
  connection: ImportConnection,
  siteId: number,
  ops: readonly PlannedOp[],
  { onApplied }: { onApplied?: (done: number) => void } = {},
): Promise<void> {
  const now = prismaDateTime(new Date());
  const insertRecipient = connection.prepare(
    `INSERT INTO "Recipient" ("siteId", "kind", "directoryName", "alias", "displayName", "firstName", "initials", "lastName", "targetAddress", "version", "createdAt", "updatedAt", "displayNameKey", "aliasKey")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  // Every modify touches the recipient's row: its version (an open property sheet sees the change)
  // and the directory's routing generation (the Recipient triggers) move with it.
  const updateRecipient = connection.prepare(
    `UPDATE "Recipient" SET "alias" = COALESCE(?, "alias"), "displayName" = COALESCE(?, "displayName"), "firstName" = COALESCE(?, "firstName"),
       "aliasKey" = COALESCE(?, "aliasKey"), "displayNameKey" = COALESCE(?, "displayNameKey"),
       "lastName" = COALESCE(?, "lastName"), "initials" = COALESCE(?, "initials"), "targetAddress" = COALESCE(?, "targetAddress"),
       "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ?`,
  );
  const deleteRecipient = connection.prepare('DELETE FROM "Recipient" WHERE "id" = ?');
  const insertProxy = connection.prepare('INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey") VALUES (?, ?, ?, ?, ?, ?)');
  const updateProxy = connection.prepare('UPDATE "ProxyAddress" SET "address" = ?, "primary" = ?, "uniqueKey" = ?, "addressKey" = ? WHERE "id" = ?');
  const deleteProxy = connection.prepare('DELETE FROM "ProxyAddress" WHERE "id" = ?');
  const clearMembers = connection.prepare('DELETE FROM "DistributionListMember" WHERE "listId" = ?');
  const insertMember = connection.prepare('INSERT INTO "DistributionListMember" ("listId", "memberId") VALUES (?, ?)');

  /** The id each create got, by its index in `ops` (MemberRef.created). */
  const createdIds: number[] = [];
  const lists: Array<{ listId: number; members: MemberRef[]; replace: boolean }> = [];
  let done = 0;
  const slicer = timeSlicer();
  for (const [index, op] of ops.entries()) {
    switch (op.op) {
      case 'create': {
        const id = Number(
          insertRecipient.run(siteId, op.kind, op.directoryName, op.alias, op.displayName, op.firstName, op.initials, op.lastName, op.targetAddress, now, now, lowerCaseKey(op.displayName), lowerCaseKey(op.alias)).lastInsertRowid,
        );
        createdIds[index] = id;
        for (const p of op.proxies) insertProxy.run(id, p.type, p.address, p.primary ? 1 : 0, proxyUniqueKey(p.type, p.address), lowerCaseKey(p.address));
        if (op.members?.length) lists.push({ listId: id, members: op.members, replace: false });
        break;
      }
      case 'modify': {
        const f = op.fields;
        const keys = [f.alias == null ? null : lowerCaseKey(f.alias), f.displayName == null ? null : lowerCaseKey(f.displayName)];
        updateRecipient.run(f.alias ?? null, f.displayName ?? null, f.firstName ?? null, ...keys, f.lastName ?? null, f.initials ?? null, f.targetAddress ?? null, now, op.id);
        if (op.proxies) {
          for (const id of op.proxies.remove) deleteProxy.run(id);
          // Two stored rows may swap reply flags or spellings: updates cannot collide on uniqueKey
          // (the planner matched them by it), and added addresses come last.
          for (const u of op.proxies.update) updateProxy.run(u.address, u.primary ? 1 : 0, proxyUniqueKey(u.type, u.address), lowerCaseKey(u.address), u.id);
          for (const p of op.proxies.add) insertProxy.run(op.id, p.type, p.address, p.primary ? 1 : 0, proxyUniqueKey(p.type, p.address), lowerCaseKey(p.address));
        }
        if (op.members) lists.push({ listId: op.id, members: op.members, replace: true });
        break;
      }
      case 'delete':
        deleteRecipient.run(op.id);
        break;
    }
    done += 1;
    if (slicer.due()) {
      onApplied?.(done);
      await slicer.pause();
    }
  }
  for (const { listId, members, replace } of lists) {
    if (replace) clearMembers.run(listId);
    for (const m of members) insertMember.run(listId, 'id' in m ? m.id : createdIds[m.created]);
  }
  onApplied?.(done);
}

/** Every site, on a connection of its own (before an import's transaction). */
export function listSqliteSites(): SiteRow[] {
  const connection = openImportConnection();
  try {
    return listSites(connection);
  } finally {
    connection.close();
  }
}

/**
 * Whether some connection holds the database's write lock now (a Directory Import checking or
 * writing holds it for its whole length). Asked by import-jobs.ts about a job whose heartbeat
 * stopped: on SQLite the job cannot write its heartbeat while its import holds the lock.
 */
export function sqliteWriteLockHeld(): boolean {
  const connection = openImportConnection();
  try {
    connection.exec('BEGIN IMMEDIATE');
    connection.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (isSqliteBusy(error)) return true;
    throw error;
  } finally {
    connection.close();
  }
}

/** directory-store.ts's ImportDirectory on the SQLite file. */
export function openSqliteImportDirectory(): ImportDirectory {
  const connection = openImportConnection();
  return {
    async begin(mode) {
      if (mode === 'write') await beginWrite(connection);
      else connection.exec('BEGIN');
    },
    async lookup(site) {
      return { ...sqliteLookup(connection, site), beforeCheck: async () => {}, beforeFinish: async () => {} };
    },
    writePlan: (siteId, ops, progress) => writePlan(connection, siteId, ops, progress),
    async writeAuditEntry(actor, entry) {
      writeAuditEntry(connection, actor, entry);
    },
    async commit() {
      connection.exec('COMMIT');
    },
    async rollback() {
      if (connection.inTransaction) connection.exec('ROLLBACK');
    },
    async close() {
      connection.close();
    },
    isLockConflict: isSqliteBusy,
  };
}
