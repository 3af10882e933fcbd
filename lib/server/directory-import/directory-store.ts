import 'server-only';
// What Directory Import asks of the database, on either of them (issue 6): the SQLite file through
// better-sqlite3 (sqlite-directory.ts) or PostgreSQL through node-postgres (pg-directory.ts), by
// DATABASE_URL. Both keep the same guarantees: one transaction from the first row checked to the
// last written, other writers held off for its whole length, and nothing left behind by an import
// that fails or is killed.
import { isKnownAddressType } from '@/lib/core/addresses';
import type { ImportRow } from '@/lib/core/directory-import/parse-import';
import type { DirectoryLookup, PlannedOp } from '@/lib/core/directory-import/plan-import';
import type { SiteAddressingRule } from '@/lib/core/site-addressing';
import type { Actor } from '@/lib/server/auth/actor';
import type { AuditInput } from '@/lib/server/audit/record-audit';
import { provider } from '@/lib/server/db';

export type SiteRow = { id: number; name: string };

/**
 * The planner's questions (answered synchronously), and what must be loaded before it asks them.
 * SQLite answers each question as it comes; PostgreSQL's answers need a round trip, so it loads a
 * chunk's recipients before the chunk is checked, and the lists' members before they are resolved.
 */
export type ImportLookup = DirectoryLookup & {
  /** Before `check` of these rows: their recipients, addresses and members. */
  beforeCheck(rows: readonly ImportRow[]): Promise<void>;
  /** Before `finish`: the recipients the checked rows name as members. */
  beforeFinish(): Promise<void>;
};

export type WriteProgress = { onApplied?: (done: number) => void };

/** One import's connection to the directory, holding its one transaction. */
export interface ImportDirectory {
  /**
   * Opens the transaction. `write`: other writers wait for this one to end (and it for a writer
   * that holds the directory, up to 10 s, without blocking the event loop; then isLockConflict);
   * `read`: a dry run, one consistent view of the directory, holding up no writer.
   */
  begin(mode: 'read' | 'write'): Promise<void>;
  lookup(site: SiteRow): Promise<ImportLookup>;
  /** Writes the plan (creates, modifies, deletes, then members) inside the transaction. */
  writePlan(siteId: number, ops: readonly PlannedOp[], progress?: WriteProgress): Promise<void>;
  /** The import's audit entry, in its transaction. */
  writeAuditEntry(actor: Actor, entry: AuditInput): Promise<void>;
  commit(): Promise<void>;
  /** Ends the transaction without keeping anything, when one is open. */
  rollback(): Promise<void>;
  close(): Promise<void>;
  /** Whether `error` means another change held the directory past the wait (or a deadlock chose this import). */
  isLockConflict(error: unknown): boolean;
}

/** Opens an import's connection to DATABASE_URL's database. */
export async function openImportDirectory(): Promise<ImportDirectory> {
  if (provider === 'postgresql') return (await import('./pg-directory')).openPgImportDirectory();
  return (await import('./sqlite-directory')).openSqliteImportDirectory();
}

/** Every site, in id order (the first is the default container, as findSite). */
export async function listImportSites(): Promise<SiteRow[]> {
  if (provider === 'postgresql') return (await import('./pg-directory')).listPgSites();
  return (await import('./sqlite-directory')).listSqliteSites();
}

const SITE_ADDRESSING_ORDER = ['SMTP', 'X400', 'MS', 'CCMAIL'];

/** A site's stored Site Addressing rows as the planner takes them: known types, in the dialog's order. */
export function siteAddressingRules(rows: ReadonlyArray<{ type: string; rule: string; enabled: boolean }>): SiteAddressingRule[] {
  return rows
    .filter((r) => isKnownAddressType(r.type))
    .map((r) => ({ type: r.type, rule: r.rule, enabled: r.enabled }) as SiteAddressingRule)
    .sort((a, b) => SITE_ADDRESSING_ORDER.indexOf(a.type) - SITE_ADDRESSING_ORDER.indexOf(b.type));
}

/**
 * An audit entry's columns after "at", in the order both writers insert them
 * ("administratorId", "actor", "origin", "action", "objectType", "objectId", "objectName",
 * "siteId", "before", "after"): lib/server/audit/record-audit.ts's shape, written by the import in
 * its own transaction.
 */
export function auditEntryValues(actor: Actor, entry: AuditInput) {
  return [
    actor.administratorId,
    actor.username,
    actor.origin,
    entry.action,
    entry.objectType,
    entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
    entry.objectName,
    entry.siteId ?? null,
    entry.before ? JSON.stringify(entry.before) : null,
    entry.after ? JSON.stringify(entry.after) : null,
  ] as const;
}
