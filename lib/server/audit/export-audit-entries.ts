import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import type { AuditExportQuery } from '@/lib/validation/audit-log';
import { auditOrderBy, auditVisibility, auditWhere } from './audit-filter';
import { type AuditRecord, auditRowSelect } from './audit-row';

export const AUDIT_CSV_COLUMNS = ['Time', 'Administrator', 'From', 'Action', 'Object type', 'Object', 'Site', 'Before', 'After'] as const;

/** Entries read per query: the whole trail is never held as rows at once. */
const BATCH = 2_000;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula;
 * an object's name is typed by administrators and import files, so such a cell gets a leading
 * apostrophe (OWASP's advice for CSV injection). JSON (Before, After) starts with `{`.
 */
function cell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type AuditExport = { text: string; count: number; fileName: string };

/**
 * The audit entries the acting administrator may see, filtered and sorted as in the Audit Log,
 * as CSV (UTF-8, CRLF, a header line). Time is ISO 8601 UTC; Before and After are the recorded
 * attributes as JSON; Site is empty for the organisation's own entries.
 */
export async function exportAuditEntries(query: AuditExportQuery, now = new Date()): Promise<AuditExport> {
  const actor = await currentActor();
  const sites = await db.site.findMany({ select: { id: true, name: true } });
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const where = auditWhere(query, auditVisibility(actor.grants, sites.map((s) => s.id)));
  const orderBy = auditOrderBy(query.sort);

  const parts = [stringify([[...AUDIT_CSV_COLUMNS]], { record_delimiter: 'windows' })];
  let count = 0;
  let cursor: number | undefined;
  for (;;) {
    const batch: AuditRecord[] = await db.auditEntry.findMany({
      where,
      select: auditRowSelect,
      orderBy,
      take: BATCH,
      ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
    });
    if (batch.length === 0) break;
    parts.push(
      stringify(
        batch.map((r) => [
          r.at.toISOString(),
          cell(r.actor),
          cell(r.origin),
          cell(r.action),
          cell(r.objectType),
          cell(r.objectName),
          r.siteId === null ? '' : cell(siteNames.get(r.siteId) ?? `#${r.siteId}`),
          r.before ?? '',
          r.after ?? '',
        ]),
        { record_delimiter: 'windows' },
      ),
    );
    count += batch.length;
    if (batch.length < BATCH) break;
    cursor = batch[batch.length - 1].id;
  }
  return { text: parts.join(''), count, fileName: `audit-log-${now.toISOString().slice(0, 10)}.csv` };
}
