import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { NewRecipientSheet } from '@/components/recipients/NewRecipientSheet';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { findSite } from '@/lib/server/sites/find-site';
import { RECIPIENT_KINDS, type RecipientKind } from '@/lib/validation/recipient';

type Props = { params: Promise<{ site: string }>; searchParams: Promise<{ kind?: string | string[] }> };

export default async function NewRecipientPage({ params, searchParams }: Props) {
  await connection();
  const [{ site }, { kind }] = await Promise.all([params, searchParams]);
  const siteName = (await findSite(site).catch(() => notFound())).name;
  const chosen = (RECIPIENT_KINDS as readonly string[]).includes(String(kind)) ? (kind as RecipientKind) : 'mailbox';
  return (
    <RecipientsConsole siteParam={site} listParams={{}}>
      <NewRecipientSheet key={chosen} site={siteName} kind={chosen} />
    </RecipientsConsole>
  );
}
