import 'server-only';
// Permission checks and audit records for a recipient's data functions (issue 5): a recipient of a
// site the administrator cannot see reads as missing (404); one they may see but not change is
// refused (403); every change is recorded with the attributes before and after.
import { formatWrittenAddress } from '@/lib/core/addresses';
import { sortProxies } from '@/lib/core/proxy-set';
import type { Permission } from '@/lib/core/auth/permissions';
import { canView, requirePermission } from '@/lib/server/auth/actor';
import { changedAttributes, recordAudit } from '@/lib/server/audit/record-audit';
import type { Tx } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';

/** What an audit entry shows of a recipient. */
export async function recipientState(tx: Tx, id: number) {
  const row = await tx.recipient.findUnique({
    where: { id },
    select: {
      kind: true,
      directoryName: true,
      displayName: true,
      alias: true,
      firstName: true,
      lastName: true,
      initials: true,
      targetAddress: true,
      siteId: true,
      site: { select: { name: true } },
      proxyAddresses: { select: { type: true, address: true, primary: true } },
      members: { select: { member: { select: { directoryName: true } } } },
    },
  });
  if (!row) return null;
  const { site, siteId, proxyAddresses, members, ...fields } = row;
  return {
    siteId,
    siteName: site.name,
    state: {
      ...fields,
      proxyAddresses: sortProxies(proxyAddresses).map(formatWrittenAddress),
      ...(row.kind === 'dl' ? { members: members.map((m) => m.member.directoryName).sort() } : {}),
    } as Record<string, unknown>,
  };
}

/** The recipient's site, if the administrator may do `permission` there; 404 when they cannot see it. */
export async function requireRecipientAccess(tx: Tx, id: number, permission: Permission) {
  const row = await tx.recipient.findUnique({ where: { id }, select: { siteId: true, displayName: true, site: { select: { name: true } } } });
  if (!row || !(await canView(row.siteId))) throw notFound(`There is no recipient with id ${id}.`);
  if (permission !== 'view') await requirePermission(permission, row.siteId, row.site.name);
  return { siteId: row.siteId, siteName: row.site.name, displayName: row.displayName };
}

/** Records a change of recipient `id` from `before` (recipientState before the change); nothing when nothing changed. */
export async function auditRecipientChange(tx: Tx, action: string, id: number, before: Record<string, unknown> | null) {
  const now = await recipientState(tx, id);
  const after = now?.state ?? null;
  const diff = before && after ? changedAttributes(before, after) : { before, after, changed: true };
  if (!diff.changed) return;
  const name = String((after ?? before)?.displayName ?? id);
  await recordAudit(tx, { action, objectType: 'recipient', objectId: id, objectName: name, siteId: now?.siteId ?? null, before: diff.before, after: diff.after });
}
