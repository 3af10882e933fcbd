// Exchange 5.5's Permissions tab, as pure rules (issue 5). Three roles, granted on the
// organisation (siteId null: every site) or on one site:
// - Permissions Admin: everything, and managing administrators and their roles;
// - Admin: change recipients and configuration;
// - View Only Admin: see everything, change nothing.
export const ROLES = ['permissions-admin', 'admin', 'view-only'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'permissions-admin': 'Permissions Admin',
  admin: 'Admin',
  'view-only': 'View Only Admin',
};

export type Grant = { role: Role; siteId: number | null };

/** What a request wants to do: see a site's objects, change them, or manage who may. */
export type Permission = 'view' | 'change' | 'manage';

const RANK: Record<Role, number> = { 'view-only': 1, admin: 2, 'permissions-admin': 3 };
const NEEDED: Record<Permission, number> = { view: 1, change: 2, manage: 3 };

/** The strongest role the grants give on a site (null: the organisation itself). */
export function roleOn(grants: readonly Grant[], siteId: number | null): Role | null {
  let best: Role | null = null;
  for (const grant of grants) {
    if (grant.siteId !== null && grant.siteId !== siteId) continue;
    if (best === null || RANK[grant.role] > RANK[best]) best = grant.role;
  }
  return best;
}

/** Whether the grants allow `permission` on a site (siteId null: on the organisation, e.g. managing its roles). */
export function allows(grants: readonly Grant[], permission: Permission, siteId: number | null): boolean {
  const role = roleOn(grants, siteId);
  return role !== null && RANK[role] >= NEEDED[permission];
}

/** The sites among `siteIds` the grants let one see. */
export function visibleSites(grants: readonly Grant[], siteIds: readonly number[]): number[] {
  return siteIds.filter((id) => allows(grants, 'view', id));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
