import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { objectCount } from '@/components/shell/format';
import { OrganizationContents } from '@/components/shell/OrganizationContents';
import { paths } from '@/components/shell/paths';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

export default async function OrganizationPage() {
  await connection();
  const { organization, sites } = await getOrganizationTree();
  return (
    <ConsoleWindow
      organization={organization}
      sites={sites}
      selected={{ node: 'organization' }}
      propertiesHref={paths.organizationProperties()}
      status={objectCount(sites.length)}
    >
      <OrganizationContents organization={organization} sites={sites} />
    </ConsoleWindow>
  );
}
