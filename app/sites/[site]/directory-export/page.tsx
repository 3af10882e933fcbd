import { connection } from 'next/server';
import { DirectoryExportForm } from '@/components/directory-export/DirectoryExportForm';
import { ConsoleWindow } from '@/components/shell/ConsoleWindow';
import { loadConsole } from '@/components/shell/load-console';
import { ToolWindow } from '@/components/shell/ToolWindow';
import { parseDirectoryExportParams } from '@/lib/validation/directory-export';

type Props = { params: Promise<{ site: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Directory Export (Tools menu): the site's recipients as a file Directory Import reads (KB
 * Q155594). The URL carries the choices (`?kind=mailbox,dl&q=...&columns=...`), read leniently.
 */
export default async function DirectoryExportPage({ params, searchParams }: Props) {
  await connection();
  const { organization, sites, site } = await loadConsole((await params).site);
  const initial = parseDirectoryExportParams(await searchParams);

  return (
    <ConsoleWindow organization={organization} sites={sites} selected={{ site, node: 'site' }}>
      <ToolWindow titleId="directory-export-title" title={`Directory Export - ${site}`} icon="recipients" className="directory-export" bodyClassName="directory-export-body">
          <p className="directory-export-intro">
            Writes the container&apos;s recipients to a comma-separated file in the format Directory Import reads (Q155594): one line per object,
            multi-valued attributes separated by %. Every line is an update, so importing the file again creates what is missing and changes
            what differs.
          </p>
          {/* A new site or URL starts from the choices that URL carries. */}
          <DirectoryExportForm key={site} site={site} sites={sites.map((s) => s.name)} initial={initial} />
      </ToolWindow>
    </ConsoleWindow>
  );
}
