import 'server-only';
import { db, type Tx } from '@/lib/server/db';
import { findSite } from '@/lib/server/sites/find-site';

/** Where roles are granted: the organisation (siteId null) or one site. `name` is how Exchange shows it. */
export type PermissionScope = { siteId: number | null; name: string; organization: string };

/** The organisation when no site is named, else the named site (case-insensitive; unknown → 404). */
export async function findPermissionScope(site?: string | null, client: Tx | typeof db = db): Promise<PermissionScope> {
  if (site !== undefined && site !== null) {
    const found = await findSite(site, client);
    return { siteId: found.id, name: found.name, organization: found.organization };
  }
  const org = await client.organization.findFirst({ select: { name: true }, orderBy: { id: 'asc' } });
  const organization = org?.name ?? '';
  return { siteId: null, name: organization, organization };
}
