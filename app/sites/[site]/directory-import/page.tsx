import { connection } from 'next/server';
import { DirectoryImport } from '@/components/directory-import/DirectoryImport';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { siteRights } from '@/components/shell/site-rights';
import { ToolWindow } from '@/components/shell/ToolWindow';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ site: string }>; searchParams: Promise<SearchParams> };

/** `?job=` read leniently: anything that cannot be a job id is ignored, and the dialog opens empty. */
function jobParam(value: string | string[] | undefined): string | undefined {
  const job = (Array.isArray(value) ? value[0] : value)?.trim();
  return job && /^[A-Za-z0-9_-]{1,100}$/.test(job) ? job : undefined;
}

/** Directory Import (Tools menu, KB Q155594): a CSV file in, recipients created, changed or deleted, a report out. */
export default async function DirectoryImportPage({ params, searchParams }: Props) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const job = jobParam((await searchParams).job);
  // A View Only Admin of a container can validate a file against it, not import into it (issue 5).
  const rights = await Promise.all(sites.map(async ({ name }) => [name, await siteRights(name)] as const));
  const validateOnlySites = Object.fromEntries(
    rights
      .filter(([, { canChange }]) => !canChange)
      .map(([name, { roleLabel }]) => [name, `You are a ${roleLabel ?? 'viewer'} of site ${name}: you can validate an import file against it, but not import into it.`]),
  );

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site' }}>
      <ToolWindow titleId="directory-import-title" title={`Directory Import - ${site}`} icon="recipients" className="directory-import-window" bodyClassName="directory-import-body">
          <DirectoryImport site={site} sites={sites} job={job} validateOnlySites={validateOnlySites} />
      </ToolWindow>
    </ConsoleWindow>
  );
}
