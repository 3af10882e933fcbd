import 'server-only';
import { ROLE_LABELS, type Role } from '@/lib/core/auth/permissions';
import { requirePermission } from '@/lib/server/auth/actor';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites } from '@/lib/server/db';
import { conflict } from '@/lib/server/errors';
import { findGrant } from './find-grant';
import { keepLastPermissionsAdmin } from './keep-last-permissions-admin';
import type { PermissionEntry } from './list-permissions';
import { auditedGrant } from './select';

/** Permissions tab → Change Role...: another role for the same administrator and place. */
export async function changeRole(grantId: number, role: Role): Promise<PermissionEntry> {
  return db.$transaction(async (tx) => {
    await serializeWrites(tx);
    const { row, scope } = await findGrant(tx, grantId);
    await requirePermission('manage', scope.siteId, scope.name);
    const entry = { id: row.id, username: row.administrator.username, role, roleLabel: ROLE_LABELS[role], grantedOn: scope.name, inherited: false };
    if (row.role === role) return entry;
    await keepLastPermissionsAdmin(tx, row, scope.organization);
    // Guarded by the role it had: of two admins changing one grant at once, the second is told.
    const { count } = await tx.roleGrant.updateMany({ where: { id: row.id, role: row.role }, data: { role } });
    if (count === 0) throw conflict(`The role of ${row.administrator.username} on ${scope.name} was changed by someone else. Reload and try again.`);
    const before = auditedGrant(row, scope.organization);
    await recordAudit(tx, {
      action: 'role.change',
      objectType: 'role',
      objectId: row.id,
      objectName: before.name,
      siteId: scope.siteId,
      before: before.attributes,
      after: { ...before.attributes, role },
    });
    return entry;
  });
}
