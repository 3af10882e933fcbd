import 'server-only';
import { allows } from '@/lib/core/auth/permissions';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';

/** The hierarchy's top: the organization and the sites the administrator can see, for the tree. */
export async function getOrganizationTree(): Promise<{ organization: string; sites: { name: string }[] }> {
  const org = await db.organization.findFirst({
    select: { name: true, sites: { select: { id: true, name: true }, orderBy: { name: 'asc' } } },
    orderBy: { id: 'asc' },
  });
  const { grants } = await currentActor();
  const sites = (org?.sites ?? []).filter((site) => allows(grants, 'view', site.id)).map(({ name }) => ({ name }));
  return { organization: org?.name ?? '', sites };
}
