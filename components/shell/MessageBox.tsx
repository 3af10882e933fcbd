'use client';
import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { MessageIcon } from './icons';

/** Exchange Administrator's message box: an icon, a sentence, OK (the default button; Escape too). */
export function MessageBox({ icon, onOk, children }: { icon: 'error' | 'information'; onOk: () => void; children: ReactNode }) {
  const id = useId();
  return (
    <Dialog
      title="Microsoft Exchange Administrator"
      role="alertdialog"
      describedBy={id}
      onClose={onOk}
      width={420}
      buttons={
        <button type="button" className="default" onClick={onOk} data-autofocus>
          OK
        </button>
      }
    >
      <div className="message-box">
        <MessageIcon name={icon} />
        <p id={id} className="message-box-text">
          {children}
        </p>
      </div>
    </Dialog>
  );
}
