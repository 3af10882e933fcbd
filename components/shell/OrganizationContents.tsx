import { ContainerList } from './ContainerList';
import { paths } from './paths';

/** The organisation's container: its sites. */
export function OrganizationContents({ organization, sites }: { organization: string; sites: { name: string }[] }) {
  return (
    <ContainerList
      label={`Contents of ${organization}`}
      columns={['Display Name', 'Type']}
      rows={sites.map(({ name }) => ({ id: name, href: paths.site(name), icon: 'site', cells: [name, 'Site'] }))}
    />
  );
}
