import 'server-only';
import { type Tx } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { findPermissionScope, type PermissionScope } from './find-permission-scope';
import { requireScopeVisible } from './require-scope-visible';
import { type GrantRow, grantSelect } from './select';

/**
 * A grant the actor may see, with its scope. A grant on a site the actor cannot see reads as
 * missing, like one that does not exist.
 */
export async function findGrant(tx: Tx, grantId: number): Promise<{ row: GrantRow; scope: PermissionScope }> {
  const missing = () => notFound(`There is no permission ${grantId}.`);
  const row = await tx.roleGrant.findUnique({ where: { id: grantId }, select: grantSelect });
  if (!row) throw missing();
  const scope = await findPermissionScope(row.site?.name ?? null, tx);
  try {
    await requireScopeVisible(scope);
  } catch {
    throw missing();
  }
  return { row, scope };
}
