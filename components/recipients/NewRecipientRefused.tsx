'use client';
import { useRouter } from 'next/navigation';
import { Dialog } from '@/components/shell/Dialog';
import { MessageIcon } from '@/components/shell/icons';
import { recipientsListPath } from './paths';

/**
 * A New... page opened (by its URL) by an administrator whose role cannot create recipients in the
 * site: a message box instead of the form, whose OK goes back to the Recipients list.
 */
export function NewRecipientRefused({ site, reason }: { site: string; reason: string }) {
  const router = useRouter();
  const close = () => router.push(recipientsListPath(site));
  return (
    <Dialog
      title="Microsoft Exchange Administrator"
      role="alertdialog"
      describedBy="new-recipient-refused-text"
      onClose={close}
      width={420}
      buttons={
        <button type="button" className="default" onClick={close} data-autofocus>
          OK
        </button>
      }
    >
      <div className="message-box">
        <MessageIcon name="information" />
        <p id="new-recipient-refused-text" className="message-box-text">
          {reason}
        </p>
      </div>
    </Dialog>
  );
}
