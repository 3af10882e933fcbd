import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ConfigurationContents } from '@/components/shell/ConfigurationContents';
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
      <ConfigurationContents site={site} />
      <SiteAddressingSheet site={site} rules={addressing.rules} />
    </ConsoleWindow>
  );
}
