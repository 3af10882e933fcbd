'use client';
import { createPortal } from 'react-dom';
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { useModal } from './use-modal';

export type DialogProps = {
  title: string;
  /** Escape and the title bar's Close button. */
  onClose: () => void;
  children: ReactNode;
  /** The row of buttons under the body, right-aligned. Mark the initial focus with `data-autofocus`. */
  buttons?: ReactNode;
  role?: 'dialog' | 'alertdialog';
  /** The id of the element that states the dialog's message, for screen readers. */
  describedBy?: string;
  width?: CSSProperties['width'];
  className?: string;
  /** Runs before the dialog's own keys (Escape, Tab); call `preventDefault()` to take a key over. */
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
};

/** The OK (default) and Cancel buttons most dialogs end with. */
export function OkCancelButtons({ onOk, onCancel, busy = false }: { onOk: () => void; onCancel: () => void; busy?: boolean }) {
  return (
    <>
      <button type="button" className="default" onClick={onOk} disabled={busy}>
        OK
      </button>
      <button type="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </>
  );
}

/**
 * A small modal dialog over a dimmed console (message boxes, pickers, the About box), rendered at
 * the end of <body>: a dialog owned by a property sheet must sit above the whole sheet (its tab
 * strip included), whatever stacking context the sheet's panel makes.
 */
export function Dialog(props: DialogProps) {
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => setHost(document.body), []);
  return host ? createPortal(<DialogWindow {...props} />, host) : null;
}

function DialogWindow(props: DialogProps) {
  const { title, onClose, children, buttons, role = 'dialog', describedBy, width, className } = props;
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const modalKeyDown = useModal(ref, { onEscape: onClose });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    props.onKeyDown?.(event);
    if (!event.defaultPrevented) modalKeyDown(event);
  };

  return (
    <div className="modal-overlay" onMouseDown={keepFocusInside}>
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={['window', 'dialog', className].filter(Boolean).join(' ')}
        style={{ width }}
        onKeyDown={onKeyDown}
      >
        <div className="title-bar">
          <div className="title-bar-text" id={titleId}>
            {title}
          </div>
          <div className="title-bar-controls">
            {/* Mouse only, as in Windows; Escape does the same from the keyboard. */}
            <button type="button" aria-label="Close" tabIndex={-1} onClick={onClose} />
          </div>
        </div>
        <div className="window-body dialog-body">{children}</div>
        {buttons && <div className="dialog-buttons">{buttons}</div>}
      </div>
    </div>
  );
}

/** A click on the dimmed backdrop must not move focus out of the dialog. */
export function keepFocusInside(event: MouseEvent) {
  if (event.target === event.currentTarget) event.preventDefault();
}
