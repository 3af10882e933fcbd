import 'server-only';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import type { AuditListQuery } from '@/lib/validation/audit-log';
import { auditOrderBy, auditVisibility, auditWhere } from './audit-filter';
import { type AuditRow, auditRowSelect, toAuditRow } from './audit-row';

export type { AuditRow } from './audit-row';

export type AuditPage = {
  rows: AuditRow[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  sort: string;
};

/**
 * One page of the audit trail (Tools → Audit Log), newest first unless sorted otherwise, with
 * the entries the acting administrator may see. Only the page is read: the trail grows by every
 * change and may hold 100,000 entries or more.
 */
export async function listAuditEntries(query: AuditListQuery): Promise<AuditPage> {
  const actor = await currentActor();
  const sites = await db.site.findMany({ select: { id: true, name: true } });
  const where = auditWhere(query, auditVisibility(actor.grants, sites.map((s) => s.id)));
  const total = await db.auditEntry.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  const page = Math.min(query.page, pageCount);
  const records = await db.auditEntry.findMany({
    where,
    select: auditRowSelect,
    orderBy: auditOrderBy(query.sort),
    skip: (page - 1) * query.perPage,
    take: query.perPage,
  });
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  return { rows: records.map((r) => toAuditRow(r, siteNames)), total, page, perPage: query.perPage, pageCount, sort: query.sort };
}
