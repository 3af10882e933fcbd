'use client';
import { useRouter } from 'next/navigation';
import { Dialog } from './Dialog';
import { MessageIcon } from './icons';

/** The not-found page: a message box on the desktop whose OK goes back to the organization. */
export function MissingObjectMessage() {
  const router = useRouter();
  const close = () => router.push('/');
  return (
    <div className="desktop-message">
      <Dialog
        title="Microsoft Exchange Administrator"
        role="alertdialog"
        describedBy="missing-object-text"
        onClose={close}
        width={420}
        buttons={
          <button type="button" className="default" onClick={close} data-autofocus>
            OK
          </button>
        }
      >
        <div className="message-box">
          <MessageIcon name="error" />
          <p id="missing-object-text" className="message-box-text">
            The object you asked for does not exist in the directory. It may have been deleted or renamed.
          </p>
        </div>
      </Dialog>
    </div>
  );
}
