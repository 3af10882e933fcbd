import { redirect } from 'next/navigation';

export default async function RecipientPage({ params }: { params: Promise<{ site: string; id: string }> }) {
  const { site, id } = await params;
  redirect(`/sites/${encodeURIComponent(site)}/recipients/${encodeURIComponent(id)}/general`);
}
