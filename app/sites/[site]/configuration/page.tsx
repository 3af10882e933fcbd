import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ConfigurationContents } from '@/components/shell/ConfigurationContents';
import { objectCount } from '@/components/shell/format';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

export default async function ConfigurationPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const [{ site: siteParam }, { organization, sites }] = await Promise.all([params, getOrganizationTree()]);
  // Exchange compares directory names case-insensitively; show the site as the directory spells it.
  const site = sites.find(({ name }) => name.toLowerCase() === siteParam.toLowerCase())?.name ?? notFound();
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'configuration' }} status={objectCount(2)}>
      <ConfigurationContents site={site} />
    </ConsoleWindow>
  );
}
