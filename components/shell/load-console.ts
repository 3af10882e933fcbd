import 'server-only';
import { notFound } from 'next/navigation';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

export type ConsoleData = { organization: string; sites: { name: string }[]; site: string };

/**
 * What every site page's console needs: the tree, and the site a URL names. Exchange compares
 * directory names case-insensitively, so `/sites/redmond` is REDMOND, shown as the directory
 * spells it; an unknown site is the not-found page.
 */
export async function loadConsole(siteParam: string): Promise<ConsoleData> {
  const { organization, sites } = await getOrganizationTree();
  const site = sites.find(({ name }) => name.toLowerCase() === siteParam.toLowerCase())?.name ?? notFound();
  return { organization, sites, site };
}
