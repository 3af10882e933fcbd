import { connection } from 'next/server';
import { CONNECTIONS_COUNT, ConnectionsContents } from '@/components/connections/ConnectionsContents';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { objectCount } from '@/components/shell/format';
import { getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';

/** Connections: the site's Internet Mail Service and MS Mail Connector; each opens its property sheet. */
export default async function ConnectionsPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const connector = await getMsMailConnector(site);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'connections' }} status={objectCount(CONNECTIONS_COUNT)}>
      <ConnectionsContents site={site} connectorPostoffice={connector.postoffice} />
    </ConsoleWindow>
  );
}
