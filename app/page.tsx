import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ContainerList } from '@/components/shell/ContainerList';
import { objectCount } from '@/components/shell/format';
import { paths } from '@/components/shell/paths';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

export default async function OrganizationPage() {
  await connection();
  const { organization, sites } = await getOrganizationTree();
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ node: 'organization' }} status={objectCount(sites.length)}>
      <ContainerList
        label={`Contents of ${organization}`}
        columns={['Display Name', 'Type']}
        rows={sites.map(({ name }) => ({ id: name, href: paths.site(name), icon: 'site', cells: [name, 'Site'] }))}
      />
    </ConsoleWindow>
  );
}
