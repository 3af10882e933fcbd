import { connection } from 'next/server';
import { NewRecipientSheet } from '@/components/recipients/NewRecipientSheet';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { loadConsole } from '@/components/shell/load-console';
import { RECIPIENT_KINDS, type RecipientKind } from '@/lib/validation/recipient';

type Props = { params: Promise<{ site: string }>; searchParams: Promise<{ kind?: string | string[] }> };

export default async function NewRecipientPage({ params, searchParams }: Props) {
  await connection();
  const [{ site }, { kind }] = await Promise.all([params, searchParams]);
  const shell = await loadConsole(site);
  const chosen = (RECIPIENT_KINDS as readonly string[]).includes(String(kind)) ? (kind as RecipientKind) : 'mailbox';
  return (
    <RecipientsConsole shell={shell} listParams={{}}>
      <NewRecipientSheet key={chosen} site={shell.site} kind={chosen} />
    </RecipientsConsole>
  );
}
