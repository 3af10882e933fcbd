import 'server-only';
import { db } from '@/lib/server/db';

/** The hierarchy's top: the organization and its sites, for the tree. */
export async function getOrganizationTree(): Promise<{ organization: string; sites: { name: string }[] }> {
  const org = await db.organization.findFirst({
    select: { name: true, sites: { select: { name: true }, orderBy: { name: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  return { organization: org?.name ?? '', sites: org?.sites ?? [] };
}
