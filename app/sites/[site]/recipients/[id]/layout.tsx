import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { RecipientSheet } from '@/components/recipients/sheet/RecipientSheet';
import { AppError } from '@/lib/server/errors';
import { getRecipient } from '@/lib/server/recipients/get-recipient';

type Props = { params: Promise<{ site: string; id: string }>; children: ReactNode };

/** A recipient's property sheet over the Recipients list; the tabs are the child pages. */
export default async function RecipientSheetLayout({ params, children }: Props) {
  await connection();
  const { site, id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id)) notFound();
  const recipient = await getRecipient(Number(id)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  if (recipient.site.toLowerCase() !== site.toLowerCase()) notFound();
  return (
    <RecipientsConsole siteParam={site} listParams={{}} selectedId={recipient.id}>
      <RecipientSheet key={recipient.id} recipient={recipient}>
        {children}
      </RecipientSheet>
    </RecipientsConsole>
  );
}
