'use client';
import { useRouter } from 'next/navigation';
import { MessageBox } from '@/components/shell/MessageBox';
import { recipientsListPath } from './paths';

/**
 * A New... page opened (by its URL) by an administrator whose role cannot create recipients in the
 * site: a message box instead of the form, whose OK goes back to the Recipients list.
 */
export function NewRecipientRefused({ site, reason }: { site: string; reason: string }) {
  const router = useRouter();
  return (
    <MessageBox icon="information" onOk={() => router.push(recipientsListPath(site))}>
      {reason}
    </MessageBox>
  );
}
