'use client';
import Link from 'next/link';
import type { KeyboardEvent } from 'react';
import { Icon } from './icons';
import { dispatchShellEvent, type ToolbarButton } from './menus';

/** The button bar under the menus; each button does what its File menu twin does. */
export function Toolbar({ buttons }: { buttons: ToolbarButton[] }) {
  if (buttons.length === 0) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const all = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('.toolbar-button'));
    const at = all.indexOf(document.activeElement as HTMLElement);
    all[(at + (event.key === 'ArrowRight' ? 1 : -1) + all.length) % all.length]?.focus();
    event.preventDefault();
  };
  return (
    <div role="toolbar" aria-label="Toolbar" className="toolbar" onKeyDown={onKeyDown}>
      {buttons.map((button) => {
        const { command } = button;
        const content = <Icon name={button.icon} />;
        return (
          <span key={button.id} className="toolbar-group">
            {button.separatorBefore && <span className="toolbar-separator" aria-hidden="true" />}
            {command.type === 'link' ? (
              <Link href={command.href} className="toolbar-button" title={button.label} aria-label={button.label}>
                {content}
              </Link>
            ) : (
              <button
                type="button"
                className="toolbar-button"
                title={button.label}
                aria-label={button.label}
                // Keep the focus on the list, whose selection the command acts on.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => dispatchShellEvent(command.event)}
              >
                {content}
              </button>
            )}
          </span>
        );
      })}
    </div>
  );
}
