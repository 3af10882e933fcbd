import { ContainerList } from './ContainerList';
import { paths } from './paths';

/** A site's Configuration container: Connections and the Site Addressing object. */
export function ConfigurationContents({ site }: { site: string }) {
  return (
    <ContainerList
      label={`Contents of Configuration in ${site}`}
      columns={['Display Name', 'Type']}
      rows={[
        { id: 'connections', href: paths.connections(site), icon: 'connections', cells: ['Connections', 'Container'] },
        { id: 'site-addressing', href: paths.siteAddressing(site), icon: 'site-addressing', cells: ['Site Addressing', 'Site Addressing'] },
      ]}
    />
  );
}
