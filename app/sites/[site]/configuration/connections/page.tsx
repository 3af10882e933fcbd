import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { ContainerList } from '@/components/shell/ContainerList';
import { objectCount } from '@/components/shell/format';

// The Internet Mail Service and the MS Mail Connector will be listed here once xadm has them.
export default async function ConnectionsPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'connections' }} status={objectCount(0)}>
      <ContainerList label={`Contents of Connections in ${site}`} columns={['Display Name', 'Type']} rows={[]} />
    </ConsoleWindow>
  );
}
