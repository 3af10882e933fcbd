// The console's left pane as data: Organization → Site → Configuration (Connections, Site
// Addressing) and Recipients (Exchange 5.5's hierarchy, less what xadm does not have yet).
import type { IconName } from './icons';
import { paths } from './paths';

export type TreeSelection = {
  site?: string;
  node?: 'organization' | 'site' | 'configuration' | 'connections' | 'site-addressing' | 'recipients';
};

export type TreeNode = { id: string; label: string; href: string; icon: IconName; children?: TreeNode[] };

const siteNodeId = (site: string, node: NonNullable<TreeSelection['node']>) => `${node}:${site}`;

export function buildHierarchy(organization: string, sites: { name: string }[]): TreeNode {
  return {
    id: 'organization',
    label: organization,
    href: paths.organization(),
    icon: 'organization',
    children: sites.map(({ name }) => ({
      id: siteNodeId(name, 'site'),
      label: name,
      href: paths.site(name),
      icon: 'site',
      children: [
        {
          id: siteNodeId(name, 'configuration'),
          label: 'Configuration',
          href: paths.configuration(name),
          icon: 'configuration',
          children: [
            { id: siteNodeId(name, 'connections'), label: 'Connections', href: paths.connections(name), icon: 'connections' },
            { id: siteNodeId(name, 'site-addressing'), label: 'Site Addressing', href: paths.siteAddressing(name), icon: 'site-addressing' },
          ],
        },
        { id: siteNodeId(name, 'recipients'), label: 'Recipients', href: paths.recipients(name), icon: 'recipients' },
      ],
    })),
  };
}

/** The tree node a selection names; a site without a node means the site itself. */
export function selectedNodeId({ site, node }: TreeSelection): string {
  if (!site || node === 'organization') return 'organization';
  return siteNodeId(site, node ?? 'site');
}
