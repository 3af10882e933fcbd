'use client';
import { useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not(:disabled)',
  'input:not(:disabled):not([type="hidden"])',
  'select:not(:disabled)',
  'textarea:not(:disabled)',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusableIn(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.tabIndex >= 0 && element.getClientRects().length > 0,
  );
}

// Open modals, innermost last: only the innermost one traps focus and answers Escape, so a
// confirmation over a property sheet behaves like Windows' owned dialogs.
const openModals: HTMLElement[] = [];

type ModalOptions = {
  onEscape: () => void;
  /** Chooses the element to focus on open; defaults to `[data-autofocus]`, then the first focusable. */
  initialFocus?: (root: HTMLElement) => HTMLElement | null | undefined;
};

/**
 * Modal behaviour for a dialog element: initial focus, Tab trapped inside, Escape, and focus
 * returned to where it was when the dialog closes. Spread the returned handler as `onKeyDown`.
 */
export function useModal(ref: RefObject<HTMLElement | null>, { onEscape, initialFocus }: ModalOptions) {
  const options = useRef({ onEscape, initialFocus });
  useEffect(() => {
    options.current = { onEscape, initialFocus };
  });

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The owner's title bar turns grey while this one is on top, as with Windows' owned dialogs.
    openModals.at(-1)?.setAttribute('data-inactive', '');
    openModals.push(root);
    const first = () => root.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(root)[0] ?? root;
    (options.current.initialFocus?.(root) ?? first()).focus();

    // Clicks or programmatic focus outside the innermost modal are pulled back in.
    const onFocusIn = (event: FocusEvent) => {
      if (openModals.at(-1) === root && event.target instanceof Node && !root.contains(event.target)) first().focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      openModals.splice(openModals.indexOf(root), 1);
      openModals.at(-1)?.removeAttribute('data-inactive');
      if (previous?.isConnected) previous.focus();
    };
  }, [ref]);

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const root = ref.current;
      if (!root || openModals.at(-1) !== root) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        options.current.onEscape();
      } else if (event.key === 'Tab') {
        const focusable = focusableIn(root);
        if (focusable.length === 0) {
          event.preventDefault();
          return;
        }
        const index = focusable.indexOf(document.activeElement as HTMLElement);
        const next = event.shiftKey
          ? index <= 0 ? focusable.at(-1) : undefined
          : index === focusable.length - 1 || index < 0 ? focusable[0] : undefined;
        if (next) {
          event.preventDefault();
          next.focus();
        }
      }
    },
    [ref],
  );
}
