import { connection } from 'next/server';
import { PermissionsSheet } from '@/components/permissions/PermissionsSheet';
import { loadPermissions } from '@/components/permissions/load-permissions';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { objectCount } from '@/components/shell/format';
import { OrganizationContents } from '@/components/shell/OrganizationContents';
import { paths } from '@/components/shell/paths';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';

/** The organisation's property sheet, Permissions tab, over the organisation's contents. */
export default async function OrganizationPermissionsPage() {
  await connection();
  const [{ organization, sites }, data] = await Promise.all([getOrganizationTree(), loadPermissions(null)]);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ node: 'organization' }} status={objectCount(sites.length)}>
      <OrganizationContents organization={organization} sites={sites} />
      <PermissionsSheet {...data} closeHref={paths.organization()} tabHref={paths.organizationProperties()} />
    </ConsoleWindow>
  );
}
