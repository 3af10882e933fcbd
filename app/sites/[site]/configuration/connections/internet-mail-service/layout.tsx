import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { CONNECTIONS_COUNT, ConnectionsContents } from '@/components/connections/ConnectionsContents';
import { InternetMailServiceSheet } from '@/components/connections/ims/InternetMailServiceSheet';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { objectCount } from '@/components/shell/format';
import { loadConsole } from '@/components/shell/load-console';
import { readOnlyReason } from '@/components/shell/site-rights';
import { getInternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { getMsMailConnector } from '@/lib/server/routing/get-msmail-connector';
import { getRoutingHealth } from '@/lib/server/routing/get-routing-health';

type Props = { params: Promise<{ site: string }>; children: ReactNode };

/** The Internet Mail Service property sheet over the Connections list; the tabs are the child pages. */
export default async function InternetMailServiceLayout({ params, children }: Props) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const [service, health, connector, readOnly] = await Promise.all([
    getInternetMailService(site),
    getRoutingHealth(site),
    getMsMailConnector(site),
    // A View Only Admin sees the sheet read-only; the server refuses their changes anyway (issue 5).
    readOnlyReason(site, 'the Internet Mail Service'),
  ]);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'connections' }} status={objectCount(CONNECTIONS_COUNT)}>
      <ConnectionsContents site={site} connectorPostoffice={connector.postoffice} open="internet-mail-service" />
      <InternetMailServiceSheet service={service} problems={health.problems} readOnly={readOnly}>
        {children}
      </InternetMailServiceSheet>
    </ConsoleWindow>
  );
}
