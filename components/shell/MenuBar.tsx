'use client';
import { signOutAction } from '@/app/actions/auth';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { AboutDialog } from './AboutDialog';
import { dispatchShellEvent, parseMnemonic, type Menu, type MenuItem } from './menus';

function Mnemonic({ label }: { label: string }) {
  const { text, index } = parseMnemonic(label);
  if (index < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, index)}
      <u>{text[index]}</u>
      {text.slice(index + 1)}
    </>
  );
}

function matchesShortcut(shortcut: string, event: globalThis.KeyboardEvent) {
  const parts = shortcut.split('+');
  const key = parts.pop();
  return (
    event.key === key &&
    event.altKey === parts.includes('Alt') &&
    event.ctrlKey === parts.includes('Ctrl') &&
    event.shiftKey === parts.includes('Shift') &&
    !event.metaKey
  );
}

const modalIsOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * The console's menu bar (WAI-ARIA menubar). Alt or F10 moves focus to it and back, Alt+letter
 * opens a menu, arrows move, Enter activates, Escape closes. Item shortcuts (Alt+Enter) work
 * from anywhere in the console while no dialog is open.
 */
export function MenuBar({ menus }: { menus: Menu[] }) {
  const idPrefix = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const barItems = useRef<(HTMLButtonElement | null)[]>([]);
  const menuRef = useRef<HTMLUListElement>(null);
  const focusOnOpen = useRef<'first' | 'last'>('first');
  const returnFocus = useRef<HTMLElement | null>(null);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [currentIndex, setCurrentIndex] = useState(0);
  const [aboutOpen, setAboutOpen] = useState(false);
  const router = useRouter();

  const wrap = (index: number) => (index + menus.length) % menus.length;
  const menuItems = () => Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  const focusBarItem = (index: number) => {
    const i = wrap(index);
    setCurrentIndex(i);
    barItems.current[i]?.focus();
  };
  const openMenu = (index: number, focus: 'first' | 'last' = 'first') => {
    const i = wrap(index);
    focusOnOpen.current = focus;
    setCurrentIndex(i);
    setOpenIndex(i);
    barItems.current[i]?.focus();
  };
  const closeMenu = (index: number) => {
    setOpenIndex(null);
    barItems.current[index]?.focus();
  };
  /** Leaves menu mode, giving the focus back to what had it before (as Windows does). */
  const leaveBar = () => {
    setOpenIndex(null);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
    else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };

  const run = (item: MenuItem) => {
    const { command } = item;
    if (command.type === 'link') {
      setOpenIndex(null);
      return; // the <Link> navigates
    }
    leaveBar();
    if (command.type === 'event') dispatchShellEvent(command.event);
    else if (command.type === 'sign-out') void signOutAction();
    else setAboutOpen(true);
  };

  useEffect(() => {
    if (openIndex === null) return;
    const items = menuItems();
    (focusOnOpen.current === 'last' ? items.at(-1) : items[0])?.focus();
  }, [openIndex]);

  // Keys that reach the menu bar from anywhere in the console.
  const latest = useRef({ menus, openMenu, focusBarItem, leaveBar, run, router });
  useEffect(() => {
    latest.current = { menus, openMenu, focusBarItem, leaveBar, run, router };
  });
  useEffect(() => {
    let altAlone = false;
    const inBar = () => !!rootRef.current?.contains(document.activeElement);
    const toggleBar = () => (inBar() ? latest.current.leaveBar() : latest.current.focusBarItem(0));

    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      altAlone = event.key === 'Alt' && !event.ctrlKey && !event.shiftKey && !event.metaKey;
      if (event.defaultPrevented || modalIsOpen()) return;
      const { menus, openMenu, run } = latest.current;
      if (event.key === 'F10' && !event.altKey && !event.ctrlKey && !event.shiftKey && !event.metaKey) {
        event.preventDefault();
        toggleBar();
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Key[A-Z]$/.test(event.code)) {
        const letter = event.code.slice(3).toLowerCase();
        const index = menus.findIndex((menu) => parseMnemonic(menu.label).mnemonic === letter);
        if (index >= 0) {
          event.preventDefault();
          openMenu(index);
          return;
        }
      }
      for (const item of menus.flatMap((menu) => menu.items)) {
        if (item.shortcut && matchesShortcut(item.shortcut, event)) {
          event.preventDefault();
          // A link's shortcut has no <Link> to click: navigate here.
          if (item.command.type === 'link') latest.current.router.push(item.command.href);
          run(item);
          return;
        }
      }
    };
    const onKeyUp = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Alt' || !altAlone) return;
      altAlone = false;
      if (modalIsOpen()) return;
      event.preventDefault();
      toggleBar();
    };
    const onWindowBlur = () => {
      altAlone = false;
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onWindowBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onWindowBlur);
    };
  }, []);

  if (menus.length === 0) return null;
  const tabStop = Math.min(currentIndex, menus.length - 1); // menus can shrink between pages

  const onBarKeyDown = (index: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const mnemonicIndex = menus.findIndex((menu) => parseMnemonic(menu.label).mnemonic === event.key.toLowerCase());
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const to = index + (event.key === 'ArrowRight' ? 1 : -1);
        if (openIndex !== null) openMenu(to);
        else focusBarItem(to);
        break;
      }
      case 'ArrowDown':
        openMenu(index, 'first');
        break;
      case 'ArrowUp':
        openMenu(index, 'last');
        break;
      case 'Home':
        focusBarItem(0);
        break;
      case 'End':
        focusBarItem(menus.length - 1);
        break;
      case 'Escape':
        if (openIndex !== null) closeMenu(index);
        else leaveBar();
        break;
      default:
        if (mnemonicIndex < 0) return;
        openMenu(mnemonicIndex);
    }
    event.preventDefault();
  };

  const onMenuKeyDown = (index: number) => (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const items = menuItems();
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (to: number) => items[(to + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(at + 1);
        break;
      case 'ArrowUp':
        focusAt(at < 0 ? -1 : at - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(-1);
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        openMenu(index + (event.key === 'ArrowRight' ? 1 : -1));
        break;
      case 'Escape':
        closeMenu(index);
        break;
      case 'Tab':
        leaveBar();
        break;
      case 'Enter':
      case ' ':
        (event.target as HTMLElement).click();
        break;
      default: {
        const match = menus[index].items.findIndex((item) => parseMnemonic(item.label).mnemonic === event.key.toLowerCase());
        if (match < 0) return;
        items[match]?.click();
      }
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const from = event.relatedTarget;
    if (!rootRef.current?.contains(from as Node | null)) returnFocus.current = from instanceof HTMLElement ? from : null;
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpenIndex(null);
  };

  return (
    <>
    <div ref={rootRef} className="menubar" onFocus={onFocus} onBlur={onBlur}>
      <div role="menubar" aria-label="Menu bar" className="menubar-items">
        {menus.map((menu, index) => {
          const open = openIndex === index;
          const barId = `${idPrefix}-bar-${menu.id}`;
          const menuId = `${idPrefix}-menu-${menu.id}`;
          return (
            <div role="none" className="menubar-entry" key={menu.id}>
              <button
                ref={(element) => {
                  barItems.current[index] = element;
                }}
                id={barId}
                type="button"
                role="menuitem"
                aria-haspopup="menu"
                aria-expanded={open}
                aria-controls={open ? menuId : undefined}
                tabIndex={index === tabStop ? 0 : -1}
                className={open ? 'open' : undefined}
                onClick={() => (open ? leaveBar() : openMenu(index))}
                onMouseEnter={() => openIndex !== null && !open && openMenu(index)}
                onKeyDown={onBarKeyDown(index)}
              >
                <Mnemonic label={menu.label} />
              </button>
              {open && (
                <ul ref={menuRef} id={menuId} role="menu" aria-labelledby={barId} className="menu-popup" onKeyDown={onMenuKeyDown(index)}>
                  {menu.items.map((item) => (
                    <MenuEntry key={item.id} item={item} onActivate={() => run(item)} />
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
    {aboutOpen && <AboutDialog onClose={() => setAboutOpen(false)} />}
    </>
  );
}

function MenuEntry({ item, onActivate }: { item: MenuItem; onActivate: () => void }) {
  const content = (
    <>
      <span className="menu-label">
        <Mnemonic label={item.label} />
      </span>
      {item.shortcut && (
        <span className="menu-shortcut" aria-hidden="true">
          {item.shortcut}
        </span>
      )}
    </>
  );
  const common = {
    role: 'menuitem',
    tabIndex: -1,
    className: 'menu-item',
    'aria-keyshortcuts': item.shortcut,
    onMouseEnter: (event: { currentTarget: HTMLElement }) => event.currentTarget.focus(),
    onClick: onActivate,
  } as const;
  return (
    <>
      {item.separatorBefore && <li role="separator" className="menu-separator" />}
      <li role="none">
        {item.command.type === 'link' ? (
          <Link href={item.command.href} {...common}>
            {content}
          </Link>
        ) : (
          <button type="button" {...common}>
            {content}
          </button>
        )}
      </li>
    </>
  );
}
