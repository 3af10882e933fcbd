import 'server-only';
import { requirePermission } from '@/lib/server/auth/actor';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites } from '@/lib/server/db';
import { conflict } from '@/lib/server/errors';
import { findGrant } from './find-grant';
import { keepLastPermissionsAdmin } from './keep-last-permissions-admin';
import { auditedGrant } from './select';

/** Permissions tab → Remove: the administrator no longer has this role here. */
export async function revokeRole(grantId: number): Promise<{ id: number }> {
  return db.$transaction(async (tx) => {
    await serializeWrites(tx);
    const { row, scope } = await findGrant(tx, grantId);
    await requirePermission('manage', scope.siteId, scope.name);
    await keepLastPermissionsAdmin(tx, row, scope.organization);
    const { count } = await tx.roleGrant.deleteMany({ where: { id: row.id } });
    if (count === 0) throw conflict(`The role of ${row.administrator.username} on ${scope.name} was removed by someone else.`);
    const audited = auditedGrant(row, scope.organization);
    await recordAudit(tx, { action: 'role.revoke', objectType: 'role', objectId: row.id, objectName: audited.name, siteId: scope.siteId, before: audited.attributes, after: null });
    return { id: row.id };
  });
}
