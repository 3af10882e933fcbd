import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ContainerList } from '@/components/shell/ContainerList';
import { paths } from '@/components/shell/paths';
import { SiteAddressingSheet } from '@/components/site-addressing/SiteAddressingSheet';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';

export default async function SiteAddressingPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const [{ site: siteParam }, { organization, sites }] = await Promise.all([params, getOrganizationTree()]);
  const site = sites.find(({ name }) => name.toLowerCase() === siteParam.toLowerCase())?.name ?? notFound();
  const addressing = await getSiteAddressing(site);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site-addressing' }}>
      <ContainerList
        label={`Contents of Configuration in ${site}`}
        columns={['Display Name', 'Type']}
        rows={[
          { id: 'connections', href: paths.connections(site), icon: 'connections', cells: ['Connections', 'Container'] },
          { id: 'site-addressing', href: paths.siteAddressing(site), icon: 'site-addressing', cells: ['Site Addressing', 'Site Addressing'] },
        ]}
      />
      <SiteAddressingSheet site={site} rules={addressing.rules} />
    </ConsoleWindow>
  );
}
