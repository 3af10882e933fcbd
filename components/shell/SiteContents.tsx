import { ContainerList } from './ContainerList';
import { paths } from './paths';

/** A site's container: Configuration and Recipients. */
export function SiteContents({ site }: { site: string }) {
  return (
    <ContainerList
      label={`Contents of ${site}`}
      columns={['Display Name', 'Type']}
      rows={[
        { id: 'configuration', href: paths.configuration(site), icon: 'configuration', cells: ['Configuration', 'Container'] },
        { id: 'recipients', href: paths.recipients(site), icon: 'recipients', cells: ['Recipients', 'Container'] },
      ]}
    />
  );
}

export const SITE_CONTENTS_COUNT = 2;
