'use client';
// The new token, shown this once (only its SHA-256 is stored): Copy, and how a script sends it.
import { useId, useRef, useState } from 'react';
import { Dialog } from '@/components/shell/Dialog';
import { MessageIcon } from '@/components/shell/icons';

type TokenCreatedDialogProps = { name: string; username: string; token: string; onClose: () => void };

export function TokenCreatedDialog({ name, username, token, onClose }: TokenCreatedDialogProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('Copied to the clipboard.');
    } catch {
      // No clipboard (a plain-http console on another host): select it for Ctrl+C instead.
      input.current?.select();
      setCopied('Selected: press Ctrl+C to copy it.');
    }
  };

  return (
    <Dialog
      title="New API Token"
      role="alertdialog"
      describedBy={`${id}-warning`}
      onClose={onClose}
      width={520}
      className="token-created-dialog"
      buttons={
        <button type="button" className="default" onClick={onClose}>
          OK
        </button>
      }
    >
      <div className="token-created">
        <div className="message-box">
          <MessageIcon name="warning" />
          <p id={`${id}-warning`} className="message-box-text">
            This is the API token <b>{name}</b> of {username}. Copy it now: it will not be shown again.
          </p>
        </div>
        <label htmlFor={`${id}-token`}>Token:</label>
        <div className="token-value">
          <input ref={input} id={`${id}-token`} type="text" value={token} readOnly onFocus={(event) => event.currentTarget.select()} />
          <button type="button" onClick={() => void copy()} data-autofocus>
            Copy
          </button>
        </div>
        <p className="note" aria-live="polite">
          {copied}
        </p>
        <p id={`${id}-curl-label`}>A script sends it with every request, e.g.:</p>
        <pre className="token-curl" aria-labelledby={`${id}-curl-label`}>
          {`curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/sites`}
        </pre>
      </div>
    </Dialog>
  );
}
