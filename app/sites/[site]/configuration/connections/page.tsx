import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ContainerList } from '@/components/shell/ContainerList';
import { objectCount } from '@/components/shell/format';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

// The Internet Mail Service and the MS Mail Connector will be listed here once xadm has them.
export default async function ConnectionsPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const [{ site: siteParam }, { organization, sites }] = await Promise.all([params, getOrganizationTree()]);
  // Exchange compares directory names case-insensitively; show the site as the directory spells it.
  const site = sites.find(({ name }) => name.toLowerCase() === siteParam.toLowerCase())?.name ?? notFound();
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'connections' }} status={objectCount(0)}>
      <ContainerList label={`Contents of Connections in ${site}`} columns={['Display Name', 'Type']} rows={[]} />
    </ConsoleWindow>
  );
}
