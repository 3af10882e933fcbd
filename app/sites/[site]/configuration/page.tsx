import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { ConfigurationContents } from '@/components/shell/ConfigurationContents';
import { objectCount } from '@/components/shell/format';

export default async function ConfigurationPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'configuration' }} status={objectCount(2)}>
      <ConfigurationContents site={site} />
    </ConsoleWindow>
  );
}
