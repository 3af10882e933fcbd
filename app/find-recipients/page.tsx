import { connection } from 'next/server';
import { FindRecipientsWindow } from '@/components/find-recipients/FindRecipientsWindow';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { ToolWindow } from '@/components/shell/ToolWindow';
import { AppError } from '@/lib/server/errors';
import { getOrganizationTree } from '@/lib/server/organization/get-organization-tree';
import { type FindRecipientsResult, findRecipients } from '@/lib/server/recipients/find-recipients';
import { FIND_LIMIT, parseFindRecipientsParams } from '@/lib/validation/find-recipients';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Tools → Find Recipients (Exchange 5.5's dialog): recipients whose display name, alias or an
 * e-mail address begin with what is typed, in the whole organization or one site. The URL carries
 * the search (`?address=smtp:bob@&site=REDMOND`), read leniently, so a reload or Back shows the
 * same results.
 */
export default async function FindRecipientsPage({ searchParams }: Props) {
  await connection();
  const { criteria, query, error: refused } = parseFindRecipientsParams(await searchParams);
  const [{ organization, sites }, outcome] = await Promise.all([getOrganizationTree(), query ? search(query) : null]);
  const result = outcome && 'results' in outcome ? outcome : null;
  const error = refused ?? (outcome && 'error' in outcome ? outcome.error : null);

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ node: 'organization' }} status={result ? statusOf(result) : undefined}>
      <ToolWindow titleId="find-recipients-title" title={`Find Recipients - ${organization}`} icon="recipients" className="find-recipients" bodyClassName="find-recipients-body">
        <FindRecipientsWindow organization={organization} sites={sites.map((s) => s.name)} criteria={criteria} result={result} error={error} />
      </ToolWindow>
    </ConsoleWindow>
  );
}

/** A site the administrator cannot see (or a misspelt one) reads as missing, said in the window. */
async function search(query: Parameters<typeof findRecipients>[0]): Promise<FindRecipientsResult | { error: string }> {
  try {
    return await findRecipients(query);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return { error: `Look in: ${error.message}` };
    throw error;
  }
}

function statusOf({ results, more }: FindRecipientsResult): string {
  if (more) return `More than ${FIND_LIMIT} recipients found`;
  return `${results.length} ${results.length === 1 ? 'recipient' : 'recipients'} found`;
}
