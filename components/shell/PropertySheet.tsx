'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { keepFocusInside } from './Dialog';
import { focusableIn, useModal } from './use-modal';

export type PropertySheetTab = { id: string; label: string; href: string };

export type PropertySheetProps = {
  /** The object's name; the title bar reads "<title> Properties". */
  title: string;
  tabs: PropertySheetTab[];
  activeTab: string;
  onOk: () => void;
  /** Also Escape and the title bar's Close button. */
  onCancel: () => void;
  onApply: () => void;
  applyDisabled: boolean;
  /** While a save runs: OK, Cancel and Apply are disabled. */
  busy: boolean;
  /** Shown above the buttons in an alert region, e.g. "This e-mail address already exists in this organization". */
  error?: string;
  children: ReactNode;
};

// A tab switch navigates (each tab has its own URL) and may remount the sheet; this carries
// "the user was on the tab strip" across that, so focus lands on the new tab, not the first field.
let focusTabStripNext = false;

const SINGLE_LINE_INPUT = /^(text|email|number|password|search|tel|url)$/;

/** An Exchange property sheet: a modal with a tab strip, one panel, and OK / Cancel / Apply. */
export function PropertySheet(props: PropertySheetProps) {
  const { title, tabs, activeTab, onOk, onCancel, onApply, applyDisabled, busy, error, children } = props;
  const router = useRouter();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const tabIdPrefix = useId();
  const tabId = (id: string) => `${tabIdPrefix}-tab-${id}`;
  const activeIndex = Math.max(0, tabs.findIndex((tab) => tab.id === activeTab));

  const activeTabElement = (root: ParentNode) => root.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  const modalKeyDown = useModal(ref, {
    onEscape: () => !busy && onCancel(),
    initialFocus: (root) => {
      if (focusTabStripNext) return activeTabElement(root);
      const panel = root.querySelector<HTMLElement>('[role="tabpanel"]');
      return (panel && (panel.querySelector<HTMLElement>('[data-autofocus]') ?? focusableIn(panel)[0])) ?? activeTabElement(root);
    },
  });

  // When the sheet stays mounted across a tab switch, move focus to the new tab here.
  useEffect(() => {
    if (!focusTabStripNext || !ref.current) return;
    focusTabStripNext = false;
    activeTabElement(ref.current)?.focus();
  }, [activeTab]);

  const goToTab = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab || tab.id === activeTab) return;
    focusTabStripNext = true;
    router.replace(tab.href, { scroll: false });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    // Keys typed in a dialog the sheet owns (portalled, but React still bubbles them here) are that dialog's.
    if (!ref.current?.contains(target)) return;
    if (event.ctrlKey && (event.key === 'PageDown' || event.key === 'PageUp')) {
      event.preventDefault();
      goToTab(activeIndex + (event.key === 'PageDown' ? 1 : -1));
    } else if (target.getAttribute('role') === 'tab' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      goToTab(activeIndex + (event.key === 'ArrowRight' ? 1 : -1));
    } else if (
      // Enter in a single-line field presses the default button (OK), as in Windows dialogs.
      event.key === 'Enter' &&
      !event.defaultPrevented &&
      !busy &&
      target instanceof HTMLInputElement &&
      SINGLE_LINE_INPUT.test(target.type)
    ) {
      event.preventDefault();
      onOk();
    } else {
      modalKeyDown(event);
    }
  };

  return (
    <div className="modal-overlay" onMouseDown={keepFocusInside}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy}
        tabIndex={-1}
        className={`window dialog property-sheet${busy ? ' busy' : ''}`}
        onKeyDown={onKeyDown}
      >
        <div className="title-bar">
          <div className="title-bar-text" id={titleId}>
            {title} Properties
          </div>
          <div className="title-bar-controls">
            <button type="button" aria-label="Close" tabIndex={-1} disabled={busy} onClick={onCancel} />
          </div>
        </div>
        <div className="window-body property-sheet-body">
          <menu role="tablist" className="property-tabs" aria-label={`${title} Properties`}>
            {tabs.map((tab) => {
              const selected = tab.id === tabs[activeIndex]?.id;
              return (
                <li key={tab.id} role="presentation" className={selected ? 'selected' : undefined}>
                  <Link
                    id={tabId(tab.id)}
                    role="tab"
                    href={tab.href}
                    scroll={false}
                    replace
                    aria-selected={selected}
                    tabIndex={selected ? 0 : -1}
                    onClick={() => {
                      if (!selected) focusTabStripNext = true;
                    }}
                  >
                    {tab.label}
                  </Link>
                </li>
              );
            })}
          </menu>
          <div className="window property-panel" role="tabpanel" aria-labelledby={tabs[activeIndex] && tabId(tabs[activeIndex].id)}>
            {children}
          </div>
          <div className="property-sheet-error" role="alert">
            {error}
          </div>
          <div className="dialog-buttons">
            <button type="button" className="default" onClick={onOk} disabled={busy}>
              OK
            </button>
            <button type="button" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
            <button type="button" onClick={onApply} disabled={busy || applyDisabled}>
              Apply
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
