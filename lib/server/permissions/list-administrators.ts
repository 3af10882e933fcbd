import 'server-only';
import { requirePermission } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { findPermissionScope } from './find-permission-scope';
import { requireScopeVisible } from './require-scope-visible';

/** The accounts the Add... dialog offers: every administrator, for a Permissions Admin of the place. */
export async function listAdministrators(site?: string | null): Promise<string[]> {
  const scope = await findPermissionScope(site);
  await requireScopeVisible(scope);
  await requirePermission('manage', scope.siteId, scope.name);
  const rows = await db.administrator.findMany({ select: { username: true }, orderBy: { username: 'asc' } });
  return rows.map((row) => row.username);
}
