import type { ReactNode } from 'react';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import type { ConsoleData } from '@/components/shell/load-console';
import { siteRights } from '@/components/shell/site-rights';
import { listRecipients } from '@/lib/server/recipients/list-recipients';
import { parseRecipientListParams } from '@/lib/validation/recipient-list';
import { RecipientsTable } from './RecipientsTable';

/**
 * The console with a site's Recipients container selected: the list page itself, and the
 * window behind a recipient's property sheet (`children`, drawn over it).
 */
export async function RecipientsConsole({
  shell: { organization, sites, site },
  listParams,
  selectedId,
  children,
}: {
  shell: ConsoleData;
  listParams: Record<string, string | string[] | undefined>;
  selectedId?: number;
  children?: ReactNode;
}) {
  const [page, rights] = await Promise.all([listRecipients({ ...parseRecipientListParams(listParams), site }), siteRights(site)]);
  return (
    <ConsoleWindow
      organization={organization}
      sites={sites}
      selected={{ site, node: 'recipients' }}
      canProperties={page.rows.length > 0 && !children}
      status={`${page.total.toLocaleString('en-US')} ${page.total === 1 ? 'object' : 'objects'}`}
    >
      <RecipientsTable page={page} selectedId={selectedId} canChange={rights.canChange} />
      {children}
    </ConsoleWindow>
  );
}
