import 'server-only';
// The audit trail (issue 5): who changed what, when, from where, with the attributes before and
// after. Written with the change's own transaction client, so a change and its record are saved
// together or not at all.
import type { Db, Tx } from '@/lib/server/db';
import { type Actor, currentActor } from '@/lib/server/auth/actor';

export type AuditInput = {
  /** e.g. "recipient.create", "recipient.update", "recipient.delete", "site-addressing.update". */
  action: string;
  objectType: string;
  objectId?: string | number | null;
  objectName: string;
  /** The object's site (null or absent: the organisation). */
  siteId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Only the attributes whose values differ (compared as JSON), so an entry says what changed. */
export function changedAttributes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in before) b[key] = before[key];
    if (key in after) a[key] = after[key];
  }
  return { before: b, after: a, changed: Object.keys(a).length + Object.keys(b).length > 0 };
}

export async function recordAudit(client: Tx | Db, input: AuditInput, actor?: Actor): Promise<void> {
  const who = actor ?? (await currentActor());
  await client.auditEntry.create({
    data: {
      administratorId: who.administratorId,
      actor: who.username,
      origin: who.origin,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId === undefined || input.objectId === null ? null : String(input.objectId),
      objectName: input.objectName,
      siteId: input.siteId ?? null,
      before: input.before ? JSON.stringify(input.before) : null,
      after: input.after ? JSON.stringify(input.after) : null,
    },
    select: { id: true },
  });
}
