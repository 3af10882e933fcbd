import { ContainerList } from '@/components/shell/ContainerList';
import { paths } from '@/components/shell/paths';

export type ConnectionId = 'internet-mail-service' | 'msmail-connector';

/** A site's Connections container: the Internet Mail Service and the MS Mail Connector. */
export function ConnectionsContents({ site, connectorPostoffice, open }: { site: string; connectorPostoffice: string; open?: ConnectionId }) {
  return (
    <ContainerList
      initialSelectedId={open}
      label={`Contents of Connections in ${site}`}
      columns={['Display Name', 'Type']}
      rows={[
        { id: 'internet-mail-service', href: paths.internetMailService(site), icon: 'internet-mail-service', cells: ['Internet Mail Service', 'Internet Mail Service'] },
        { id: 'msmail-connector', href: paths.msMailConnector(site), icon: 'msmail-connector', cells: [`MS Mail Connector (${connectorPostoffice})`, 'MS Mail Connector'] },
      ]}
    />
  );
}

export const CONNECTIONS_COUNT = 2;
