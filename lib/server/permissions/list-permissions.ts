import 'server-only';
import { ROLE_LABELS, type Role, allows, isRole } from '@/lib/core/auth/permissions';
import { db } from '@/lib/server/db';
import { findPermissionScope } from './find-permission-scope';
import { requireScopeVisible } from './require-scope-visible';
import { type GrantRow, grantSelect } from './select';

export type PermissionEntry = {
  /** The grant's id: PATCH / DELETE /api/v1/permissions/{id}. */
  id: number;
  username: string;
  role: Role;
  roleLabel: string;
  /** The organisation's or the site's name. */
  grantedOn: string;
  /** Granted on the organisation and shown on a site's tab: read-only there. */
  inherited: boolean;
};

export type PermissionList = {
  /** null: the organisation. */
  site: string | null;
  /** The organisation's or the site's name. */
  name: string;
  /** Whether the acting administrator may add, change and remove roles here (a Permissions Admin). */
  canManage: boolean;
  entries: PermissionEntry[];
};

/**
 * The Permissions tab of the organisation (no site) or of a site: who has which role there. A
 * site's tab also lists the organisation's grants, which reach every site, as inherited.
 */
export async function listPermissions(site?: string | null): Promise<PermissionList> {
  const scope = await findPermissionScope(site);
  const actor = await requireScopeVisible(scope);
  const rows = await db.roleGrant.findMany({
    where: scope.siteId === null ? { siteId: null } : { OR: [{ siteId: scope.siteId }, { siteId: null }] },
    select: grantSelect,
    orderBy: [{ administrator: { username: 'asc' } }, { id: 'asc' }],
  });
  const entry = (row: GrantRow): PermissionEntry | null => {
    if (!isRole(row.role)) return null;
    return {
      id: row.id,
      username: row.administrator.username,
      role: row.role,
      roleLabel: ROLE_LABELS[row.role],
      grantedOn: row.site?.name ?? scope.organization,
      inherited: scope.siteId !== null && row.siteId === null,
    };
  };
  const entries = rows.map(entry).filter((e): e is PermissionEntry => e !== null);
  // The scope's own grants first, then what the organisation passes down.
  entries.sort((a, b) => Number(a.inherited) - Number(b.inherited));
  return { site: scope.siteId === null ? null : scope.name, name: scope.name, canManage: allows(actor.grants, 'manage', scope.siteId), entries };
}
