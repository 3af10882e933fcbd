import 'server-only';
// The Audit Log's `where`, shared by the list and the CSV export (so the file holds what the
// window shows). Permission is part of the query: an administrator sees the entries of the sites
// they may view, and the organisation's own entries (sign-ins, roles, ...) only with a role on
// the organisation.
import { type Grant, allows, visibleSites } from '@/lib/core/auth/permissions';
import { normalizeUsername } from '@/lib/core/auth/credentials';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters, AuditSortKey } from '@/lib/validation/audit-log';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** `from`: the start of a day (UTC) or the instant given. */
function fromBound(value: string): Date {
  return new Date(DAY.test(value) ? `${value}T00:00:00.000Z` : value);
}

/** `to`: a day runs to its end (before the next day starts, UTC); an instant is included. */
function toBound(value: string): { lt: Date } | { lte: Date } {
  return DAY.test(value) ? { lt: new Date(Date.parse(`${value}T00:00:00.000Z`) + MS_PER_DAY) } : { lte: new Date(value) };
}

export function auditVisibility(grants: readonly Grant[], siteIds: readonly number[]): Prisma.AuditEntryWhereInput {
  if (allows(grants, 'view', null)) return {};
  return { siteId: { in: visibleSites(grants, siteIds) } };
}

export function auditWhere(filters: AuditFilters, visibility: Prisma.AuditEntryWhereInput): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [visibility];
  const administrator = filters.administrator?.trim();
  if (administrator) and.push({ actor: normalizeUsername(administrator) });
  const action = filters.action?.trim();
  if (action) and.push({ action: action.endsWith('.') ? { startsWith: action } : action });
  const objectType = filters.objectType?.trim();
  if (objectType) and.push({ objectType });
  const object = filters.object?.trim();
  if (object) and.push({ OR: [{ objectName: { contains: object } }, { objectId: object }] });
  if (filters.from || filters.to) {
    and.push({ at: { ...(filters.from ? { gte: fromBound(filters.from) } : {}), ...(filters.to ? toBound(filters.to) : {}) } });
  }
  return { AND: and };
}

/**
 * `-time` → newest first. Every order ends on the id, so that a page boundary is stable when
 * several entries share a value (and the time order is the order they were written in).
 */
export function auditOrderBy(sort: string): Prisma.AuditEntryOrderByWithRelationInput[] {
  const direction = sort.startsWith('-') ? 'desc' : 'asc';
  const key = sort.replace(/^-/, '') as AuditSortKey;
  const newestFirst: Prisma.AuditEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];
  switch (key) {
    case 'time':
      return [{ at: direction }, { id: direction }];
    case 'administrator':
      return [{ actor: direction }, ...newestFirst];
    case 'action':
      return [{ action: direction }, ...newestFirst];
    case 'object':
      return [{ objectName: direction }, { objectType: direction }, ...newestFirst];
  }
}
