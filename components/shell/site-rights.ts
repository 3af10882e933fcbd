import 'server-only';
import { cache } from 'react';
import { rightsOnSite } from '@/lib/server/auth/site-rights';

/**
 * What the signed-in administrator may do on a site, once per request: the console's File menu
 * and the page's own sheet ask for the same site.
 */
export const siteRights = cache(rightsOnSite);

/**
 * Why a page shows `what` read-only (issue 5: the pages hide what a role cannot do), or undefined
 * when the administrator may change it. The server refuses the change anyway.
 */
export async function readOnlyReason(site: string, what: string): Promise<string | undefined> {
  const { canChange, roleLabel } = await siteRights(site);
  return canChange ? undefined : `You are a ${roleLabel ?? 'viewer'} of site ${site}: you can see ${what}, but not change it.`;
}
