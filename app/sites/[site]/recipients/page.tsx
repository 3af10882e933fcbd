import { connection } from 'next/server';
import { RecipientsConsole } from '@/components/recipients/RecipientsConsole';
import { loadConsole } from '@/components/shell/load-console';

type Props = { params: Promise<{ site: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecipientsPage({ params, searchParams }: Props) {
  await connection();
  const [{ site }, query] = await Promise.all([params, searchParams]);
  const selected = Number(Array.isArray(query.selected) ? query.selected[0] : query.selected);
  return <RecipientsConsole shell={await loadConsole(site)} listParams={query} selectedId={Number.isSafeInteger(selected) ? selected : undefined} />;
}
