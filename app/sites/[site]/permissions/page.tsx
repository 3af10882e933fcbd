import { connection } from 'next/server';
import { PermissionsSheet } from '@/components/permissions/PermissionsSheet';
import { loadPermissions } from '@/components/permissions/load-permissions';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { objectCount } from '@/components/shell/format';
import { loadConsole } from '@/components/shell/load-console';
import { paths } from '@/components/shell/paths';
import { SITE_CONTENTS_COUNT, SiteContents } from '@/components/shell/SiteContents';

/** A site's property sheet, Permissions tab, over the site's contents. */
export default async function SitePermissionsPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const data = await loadPermissions(site);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site' }} status={objectCount(SITE_CONTENTS_COUNT)}>
      <SiteContents site={site} />
      <PermissionsSheet key={site} {...data} closeHref={paths.site(site)} tabHref={paths.siteProperties(site)} />
    </ConsoleWindow>
  );
}
