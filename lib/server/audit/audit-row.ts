import 'server-only';
// One audit entry as the Audit Log and its export show it.
import type { Prisma } from '@/lib/generated/prisma/client';

export const auditRowSelect = {
  id: true,
  at: true,
  actor: true,
  origin: true,
  action: true,
  objectType: true,
  objectId: true,
  objectName: true,
  siteId: true,
  before: true,
  after: true,
} satisfies Prisma.AuditEntrySelect;

export type AuditRecord = Prisma.AuditEntryGetPayload<{ select: typeof auditRowSelect }>;

/** The attributes as recorded: a JSON object of attribute → value. */
export type AuditAttributes = Record<string, unknown>;

export type AuditRow = {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  administrator: string;
  /** An IP address, or "command line". */
  from: string;
  action: string;
  objectType: string;
  objectId: string | null;
  objectName: string;
  /** The object's site; null for the organisation. */
  site: string | null;
  before: AuditAttributes | null;
  after: AuditAttributes | null;
};

/** The stored JSON text → attributes; anything that is not a JSON object is shown as it was stored. */
export function parseAttributes(textValue: string | null): AuditAttributes | null {
  if (textValue === null) return null;
  try {
    const value: unknown = JSON.parse(textValue);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as AuditAttributes;
    return { value };
  } catch {
    return { value: textValue };
  }
}

export function toAuditRow(record: AuditRecord, siteNames: ReadonlyMap<number, string>): AuditRow {
  return {
    id: record.id,
    at: record.at.toISOString(),
    administrator: record.actor,
    from: record.origin,
    action: record.action,
    objectType: record.objectType,
    objectId: record.objectId,
    objectName: record.objectName,
    site: record.siteId === null ? null : (siteNames.get(record.siteId) ?? `#${record.siteId}`),
    before: parseAttributes(record.before),
    after: parseAttributes(record.after),
  };
}
