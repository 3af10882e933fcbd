'use client';
import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { MessageIcon, type MessageIconName } from './icons';

export type ConfirmDialogProps = {
  message: ReactNode;
  onYes: () => void;
  /** Also Escape and the title bar's Close button. */
  onNo: () => void;
  title?: string;
  icon?: MessageIconName;
  /** Which button has the focus (and so Enter) when the box opens. */
  defaultButton?: 'yes' | 'no';
  /** While the Yes action runs: both buttons are disabled. */
  busy?: boolean;
};

/** Exchange's Yes/No message box: "This object will be permanently deleted. Are you sure?" */
export function ConfirmDialog({
  message,
  onYes,
  onNo,
  title = 'Microsoft Exchange Administrator',
  icon = 'warning',
  defaultButton = 'yes',
  busy = false,
}: ConfirmDialogProps) {
  const messageId = useId();
  return (
    <Dialog
      title={title}
      role="alertdialog"
      describedBy={messageId}
      onClose={() => !busy && onNo()}
      onKeyDown={(event) => {
        // Y and N answer the box, as the underlined letters promise.
        const key = event.key.toLowerCase();
        if (busy || event.altKey || event.ctrlKey || event.metaKey || (key !== 'y' && key !== 'n')) return;
        event.preventDefault();
        if (key === 'y') onYes();
        else onNo();
      }}
      buttons={
        <>
          <button type="button" onClick={onYes} disabled={busy} data-autofocus={defaultButton === 'yes' || undefined}>
            <u>Y</u>es
          </button>
          <button type="button" onClick={onNo} disabled={busy} data-autofocus={defaultButton === 'no' || undefined}>
            <u>N</u>o
          </button>
        </>
      }
    >
      <div className="message-box" aria-busy={busy}>
        <MessageIcon name={icon} />
        <div id={messageId} className="message-box-text">
          {message}
        </div>
      </div>
    </Dialog>
  );
}
