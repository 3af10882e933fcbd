import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { CONNECTIONS_COUNT, ConnectionsContents } from '@/components/connections/ConnectionsContents';
import { MsMailConnectorSheet } from '@/components/connections/msmail/MsMailConnectorSheet';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { objectCount } from '@/components/shell/format';
import { loadConsole } from '@/components/shell/load-console';
import { readOnlyReason } from '@/components/shell/site-rights';
import { getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { getRoutingHealth } from '@/lib/server/routing/get-routing-health';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';

type Props = { params: Promise<{ site: string }>; children: ReactNode };

/** The MS Mail Connector property sheet over the Connections list; the tabs are the child pages. */
export default async function MsMailConnectorLayout({ params, children }: Props) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const [connector, health, addressing, readOnly] = await Promise.all([
    getMsMailConnector(site),
    getRoutingHealth(site),
    getSiteAddressing(site),
    // A View Only Admin sees the sheet read-only; the server refuses their changes anyway (issue 5).
    readOnlyReason(site, 'the MS Mail Connector'),
  ]);
  const msRule = addressing.rules.find((rule) => rule.type === 'MS' && rule.enabled);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'connections' }} status={objectCount(CONNECTIONS_COUNT)}>
      <ConnectionsContents site={site} connectorPostoffice={connector.postoffice} open="msmail-connector" />
      <MsMailConnectorSheet
        connector={connector}
        siteAddressingPostoffice={msRule ? msRule.rule.split('/').slice(0, 2).join('/') : null}
        problems={health.problems.filter((problem) => problem.object.kind === 'postoffice' || problem.object.kind === 'msmail-connector')}
        readOnly={readOnly}
      >
        {children}
      </MsMailConnectorSheet>
    </ConsoleWindow>
  );
}
