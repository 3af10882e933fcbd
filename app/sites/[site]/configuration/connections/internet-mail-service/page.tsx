import { redirect } from 'next/navigation';
import { paths } from '@/components/shell/paths';

export default async function InternetMailServicePage({ params }: { params: Promise<{ site: string }> }) {
  redirect(paths.internetMailService((await params).site, 'general'));
}
