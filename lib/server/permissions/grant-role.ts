import 'server-only';
import { normalizeUsername } from '@/lib/core/auth/credentials';
import { ROLE_LABELS, type Role } from '@/lib/core/auth/permissions';
import { requirePermission } from '@/lib/server/auth/actor';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db, serializeWrites } from '@/lib/server/db';
import { conflict, invalid } from '@/lib/server/errors';
import { findPermissionScope } from './find-permission-scope';
import { type PermissionEntry } from './list-permissions';
import { requireScopeVisible } from './require-scope-visible';
import { auditedGrant, grantSelect } from './select';

/**
 * Permissions tab → Add...: gives an administrator a role on the organisation (no site) or on a
 * site. Only a Permissions Admin there may; one grant per administrator and place (Change Role
 * changes it).
 */
export async function grantRole(input: { username: string; role: Role; site?: string | null }): Promise<PermissionEntry> {
  const scope = await findPermissionScope(input.site);
  await requireScopeVisible(scope);
  await requirePermission('manage', scope.siteId, scope.name);
  const username = normalizeUsername(input.username);
  return db.$transaction(async (tx) => {
    await serializeWrites(tx);
    const administrator = await tx.administrator.findUnique({ where: { username }, select: { id: true } });
    if (!administrator) throw invalid(`There is no administrator '${username}'.`, { username: 'No administrator has this user name.' });
    const existing = await tx.roleGrant.findFirst({ where: { administratorId: administrator.id, siteId: scope.siteId }, select: { role: true } });
    if (existing) {
      const label = ROLE_LABELS[existing.role as Role] ?? existing.role;
      throw conflict(`${username} already has a role on ${scope.name} (${label}). Select it and use Change Role... instead.`, { username: 'Already has a role here.' });
    }
    const row = await tx.roleGrant.create({ data: { administratorId: administrator.id, role: input.role, siteId: scope.siteId }, select: grantSelect });
    const audited = auditedGrant(row, scope.organization);
    await recordAudit(tx, { action: 'role.grant', objectType: 'role', objectId: row.id, objectName: audited.name, siteId: scope.siteId, before: null, after: audited.attributes });
    return { id: row.id, username, role: input.role, roleLabel: ROLE_LABELS[input.role], grantedOn: scope.name, inherited: false };
  });
}
