import 'server-only';
import type { Permission } from '@/lib/core/auth/permissions';
import { canView, requirePermission } from '@/lib/server/auth/actor';
import { db, type Tx } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';

export type SiteRef = { id: number; name: string; organization: string };

/** The named site (case-insensitive, as Exchange names are), or the first site when none is named. */
export async function findSite(name?: string, client: Tx | typeof db = db): Promise<SiteRef> {
  const sites = await client.site.findMany({
    select: { id: true, name: true, organization: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
  const site = name === undefined ? sites[0] : sites.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!site) throw notFound(name === undefined ? 'The organization has no site.' : `There is no site named '${name}'.`);
  return { id: site.id, name: site.name, organization: site.organization.name };
}

/**
 * findSite for an administrator who wants to `permission` there (issue 5): a site they cannot see
 * reads as missing (404, like a misspelt name); one they may see but not change is refused (403).
 */
export async function findSiteFor(permission: Permission, name?: string, client: Tx | typeof db = db): Promise<SiteRef> {
  const site = await findSite(name, client);
  if (!(await canView(site.id))) throw notFound(name === undefined ? 'The organization has no site you can see.' : `There is no site named '${name}'.`);
  if (permission !== 'view') await requirePermission(permission, site.id, site.name);
  return site;
}
