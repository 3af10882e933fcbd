import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { ContainerList } from '@/components/shell/ContainerList';
import { objectCount } from '@/components/shell/format';
import { paths } from '@/components/shell/paths';

export default async function SitePage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
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
