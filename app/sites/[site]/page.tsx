import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ContainerList } from '@/components/shell/ContainerList';
import { objectCount } from '@/components/shell/format';
import { paths } from '@/components/shell/paths';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

export default async function SitePage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const [{ site: siteParam }, { organization, sites }] = await Promise.all([params, getOrganizationTree()]);
  // Exchange compares directory names case-insensitively; show the site as the directory spells it.
  const site = sites.find(({ name }) => name.toLowerCase() === siteParam.toLowerCase())?.name ?? notFound();
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site' }} status={objectCount(2)}>
      <ContainerList
        label={`Contents of ${site}`}
        columns={['Display Name', 'Type']}
        rows={[
          { id: 'configuration', href: paths.configuration(site), icon: 'configuration', cells: ['Configuration', 'Container'] },
          { id: 'recipients', href: paths.recipients(site), icon: 'recipients', cells: ['Recipients', 'Container'] },
        ]}
      />
    </ConsoleWindow>
  );
}
