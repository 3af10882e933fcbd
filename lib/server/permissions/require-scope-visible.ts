import 'server-only';
import { type Actor, canView, currentActor } from '@/lib/server/auth/actor';
import { forbidden, notFound } from '@/lib/server/errors';
import type { PermissionScope } from './find-permission-scope';

/**
 * Who may read a Permissions tab: on a site, whoever may see the site (another site's reads as
 * missing, never as forbidden); on the organisation, any administrator with a role anywhere.
 */
export async function requireScopeVisible(scope: PermissionScope): Promise<Actor> {
  const actor = await currentActor();
  if (scope.siteId === null) {
    if (actor.grants.length === 0) throw forbidden('You have no role in this organization.');
    return actor;
  }
  if (!(await canView(scope.siteId))) throw notFound(`There is no site named '${scope.name}'.`);
  return actor;
}
