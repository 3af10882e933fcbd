import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { loadConsole } from '@/components/shell/load-console';
import { RecipientSheet } from '@/components/recipients/sheet/RecipientSheet';
import { AppError } from '@/lib/server/errors';
import { readOnlyReason } from '@/components/shell/site-rights';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { parseRecordId } from '@/lib/validation/record-id';

type Props = { params: Promise<{ site: string; id: string }>; children: ReactNode };

/** A recipient's property sheet over the Recipients list; the tabs are the child pages. */
export default async function RecipientSheetLayout({ params, children }: Props) {
  await connection();
  const { site, id } = await params;
  const recipientId = parseRecordId(id) ?? notFound();
  const recipient = await getRecipient(recipientId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const shell = await loadConsole(site);
  if (recipient.site !== shell.site) notFound();
  // A View Only Admin sees the sheet read-only; the server refuses their changes anyway (issue 5).
  const readOnly = await readOnlyReason(shell.site, 'this recipient');
  return (
    <RecipientsConsole shell={shell} listParams={{}} selectedId={recipient.id}>
      <RecipientSheet key={recipient.id} recipient={recipient} readOnly={readOnly}>
        {children}
      </RecipientSheet>
    </RecipientsConsole>
  );
}
