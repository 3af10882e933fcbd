import { connection } from 'next/server';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { readOnlyReason } from '@/components/shell/site-rights';
import { ConfigurationContents } from '@/components/shell/ConfigurationContents';
import { SiteAddressingSheet } from '@/components/site-addressing/SiteAddressingSheet';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';

export default async function SiteAddressingPage({ params }: { params: Promise<{ site: string }> }) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const [addressing, readOnly] = await Promise.all([
    getSiteAddressing(site),
    // A View Only Admin sees the sheet read-only; the server refuses their changes anyway (issue 5).
    readOnlyReason(site, 'its Site Addressing'),
  ]);
  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site-addressing' }}>
      <ConfigurationContents site={site} />
      <SiteAddressingSheet site={site} rules={addressing.rules} readOnly={readOnly} />
    </ConsoleWindow>
  );
}
