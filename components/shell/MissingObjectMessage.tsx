'use client';
import { useRouter } from 'next/navigation';
import { MessageBox } from './MessageBox';

/** The not-found page: a message box on the desktop whose OK goes back to the organization. */
export function MissingObjectMessage() {
  const router = useRouter();
  return (
    <div className="desktop-message">
      <MessageBox icon="error" onOk={() => router.push('/')}>
        The object you asked for does not exist in the directory. It may have been deleted or renamed.
      </MessageBox>
    </div>
  );
}
