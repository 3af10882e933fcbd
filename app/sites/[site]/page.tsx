import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { objectCount } from '@/components/shell/format';
import { paths } from '@/components/shell/paths';
import { SITE_CONTENTS_COUNT, SiteContents } from '@/components/shell/SiteContents';

export default async function SitePage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  return (
    <ConsoleWindow
      organization={organization}
      sites={sites}
      selected={{ site, node: 'site' }}
      propertiesHref={paths.siteProperties(site)}
      status={objectCount(SITE_CONTENTS_COUNT)}
    >
      <SiteContents site={site} />
    </ConsoleWindow>
  );
}
