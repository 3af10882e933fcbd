import { redirect } from 'next/navigation';
import { paths } from '@/components/shell/paths';

export default async function MsMailConnectorPage({ params }: { params: Promise<{ site: string }> }) {
  redirect(paths.msMailConnector((await params).site, 'local-postoffice'));
}
