import { connection } from 'next/server';
import { NewRecipientRefused } from '@/components/recipients/NewRecipientRefused';
import { NewRecipientSheet } from '@/components/recipients/NewRecipientSheet';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { loadConsole } from '@/components/shell/load-console';
import { siteRights } from '@/components/shell/site-rights';
import { RECIPIENT_KINDS, type RecipientKind } from '@/lib/validation/recipient';

type Props = { params: Promise<{ site: string }>; searchParams: Promise<{ kind?: string | string[] }> };

export default async function NewRecipientPage({ params, searchParams }: Props) {
  await connection();
  const [{ site }, { kind }] = await Promise.all([params, searchParams]);
  const shell = await loadConsole(site);
  const chosen = (RECIPIENT_KINDS as readonly string[]).includes(String(kind)) ? (kind as RecipientKind) : 'mailbox';
  const { canChange, roleLabel } = await siteRights(shell.site);
  // Opened by its URL by a View Only Admin: say why there is no form (the server refuses a create anyway).
  const refused = canChange ? undefined : `You are a ${roleLabel ?? 'viewer'} of site ${shell.site}: you can see its recipients, but not create them.`;
  return (
    <RecipientsConsole shell={shell} listParams={{}}>
      {refused ? <NewRecipientRefused site={shell.site} reason={refused} /> : <NewRecipientSheet key={chosen} site={shell.site} kind={chosen} />}
    </RecipientsConsole>
  );
}
