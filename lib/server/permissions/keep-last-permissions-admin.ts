import 'server-only';
import { type Tx } from '@/lib/server/db';
import { conflict } from '@/lib/server/errors';
import type { GrantRow } from './select';

/**
 * Refuses to take Permissions Admin on the organisation from its last holder: nobody could then
 * grant or change any role again, short of editing the database.
 */
export async function keepLastPermissionsAdmin(tx: Tx, row: GrantRow, organization: string): Promise<void> {
  if (row.siteId !== null || row.role !== 'permissions-admin') return;
  const others = await tx.roleGrant.count({
    where: { siteId: null, role: 'permissions-admin', id: { not: row.id }, administratorId: { not: row.administratorId } },
  });
  if (others > 0) return;
  throw conflict(
    `${row.administrator.username} is the last Permissions Admin of ${organization}: without one, nobody could manage permissions any more. Make another administrator Permissions Admin of the organization first.`,
  );
}
