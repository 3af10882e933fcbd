import 'server-only';
import { ROLE_LABELS, allows, roleOn } from '@/lib/core/auth/permissions';
import { db } from '@/lib/server/db';
import { currentActor } from './actor';

/** What the acting administrator may do on a site, for pages that hide what a role cannot do. */
export async function rightsOnSite(siteName: string): Promise<{ canChange: boolean; roleLabel: string | null }> {
  const site = await db.site.findUnique({ where: { name: siteName }, select: { id: true } });
  if (!site) return { canChange: false, roleLabel: null };
  const { grants } = await currentActor();
  const role = roleOn(grants, site.id);
  return { canChange: allows(grants, 'change', site.id), roleLabel: role ? ROLE_LABELS[role] : null };
}
