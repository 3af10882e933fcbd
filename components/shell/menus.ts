// The console's menus and toolbar, as data. Add an item by adding an entry here: the shell
// renders only menus that end up with items, so a menu appears once it has something that works.
import { paths } from './paths';

/** Window events the shell raises for the page that owns the current selection. */
export const SHELL_EVENTS = {
  properties: 'xadm:properties',
  delete: 'xadm:delete',
} as const;
export type ShellEventName = (typeof SHELL_EVENTS)[keyof typeof SHELL_EVENTS];

export type ShellCommand =
  | { type: 'link'; href: string }
  | { type: 'event'; event: ShellEventName }
  | { type: 'about' }
  | { type: 'sign-out' };

export type MenuItem = {
  id: string;
  /** `&` marks the mnemonic letter, as in a Windows resource file: `New &Mailbox...`. */
  label: string;
  /** Also handled globally while the item is shown, e.g. `Alt+Enter`. */
  shortcut?: string;
  separatorBefore?: boolean;
  command: ShellCommand;
};

export type Menu = { id: string; label: string; items: MenuItem[] };

export type ToolbarIcon = 'new-mailbox' | 'properties' | 'delete';
export type ToolbarButton = {
  id: string;
  label: string;
  icon: ToolbarIcon;
  command: Extract<ShellCommand, { type: 'link' | 'event' }>;
  separatorBefore?: boolean;
};

export type ShellContext = {
  /** The site that New... creates recipients in; no New items without one. */
  site?: string;
  /**
   * The administrator's role on `site` allows changes (not a View Only Admin): New... and Delete
   * are offered only then. Hiding is a courtesy; the server refuses the change anyway (issue 5).
   */
  canChange: boolean;
  /** The page has a selection that handles `xadm:properties` / `xadm:delete`. */
  canProperties: boolean;
  /**
   * The property sheet of the container selected in the tree (the organisation, a site), for pages
   * without a selection of their own: Properties opens it; there is no Delete.
   */
  propertiesHref?: string;
};

type MenuDefinition = { id: string; label: string; items: (context: ShellContext) => (MenuItem | false)[] };

const MENU_DEFINITIONS: MenuDefinition[] = [
  {
    id: 'file',
    label: '&File',
    items: ({ site, canChange, canProperties, propertiesHref }) => {
      const newIn = canChange ? site : undefined;
      return [
        !!newIn && { id: 'new-mailbox', label: 'New &Mailbox...', command: { type: 'link', href: paths.newRecipient(newIn, 'mailbox') } },
        !!newIn && { id: 'new-custom', label: 'New &Custom Recipient...', command: { type: 'link', href: paths.newRecipient(newIn, 'custom') } },
        !!newIn && { id: 'new-dl', label: 'New &Distribution List...', command: { type: 'link', href: paths.newRecipient(newIn, 'dl') } },
        canProperties && {
          id: 'properties',
          label: 'P&roperties...',
          shortcut: 'Alt+Enter',
          separatorBefore: !!newIn,
          command: { type: 'event', event: SHELL_EVENTS.properties },
        },
        !canProperties &&
          !!propertiesHref && {
            id: 'properties',
            label: 'P&roperties...',
            shortcut: 'Alt+Enter',
            separatorBefore: !!newIn,
            command: { type: 'link', href: propertiesHref },
          },
        canProperties && canChange && { id: 'delete', label: 'De&lete', command: { type: 'event', event: SHELL_EVENTS.delete } },
        { id: 'sign-out', label: 'Sign &Out', separatorBefore: true, command: { type: 'sign-out' } },
      ];
    },
  },
  { id: 'edit', label: '&Edit', items: () => [] },
  { id: 'view', label: '&View', items: () => [] },
  {
    id: 'tools',
    label: '&Tools',
    // Exchange Administrator's Tools menu: Directory Import and Directory Export come first.
    items: ({ site }) => [
      !!site && { id: 'directory-import', label: 'Directory &Import...', command: { type: 'link', href: paths.directoryImport(site) } },
      !!site && { id: 'directory-export', label: 'Directory &Export...', command: { type: 'link', href: paths.directoryExport(site) } },
      // Then Find Recipients, with Exchange's Ctrl+Shift+F; it looks in the whole organization first.
      { id: 'find-recipients', label: 'Find &Recipients...', shortcut: 'Ctrl+Shift+F', command: { type: 'link', href: paths.findRecipients() } },
      !!site && { id: 'routing-preview', label: 'Routing &Preview...', separatorBefore: true, command: { type: 'link', href: paths.routingPreview(site) } },
      { id: 'audit-log', label: 'Audit &Log...', separatorBefore: !!site, command: { type: 'link', href: paths.auditLog() } },
      { id: 'api-tokens', label: 'API &Tokens...', command: { type: 'link', href: paths.apiTokens() } },
    ],
  },
  { id: 'help', label: '&Help', items: () => [{ id: 'about', label: '&About xadm...', command: { type: 'about' } }] },
];

export function buildMenus(context: ShellContext): Menu[] {
  return MENU_DEFINITIONS.map(({ id, label, items }) => ({
    id,
    label,
    items: items(context).filter((item): item is MenuItem => item !== false),
  })).filter((menu) => menu.items.length > 0);
}

export function buildToolbar({ site, canChange, canProperties, propertiesHref }: ShellContext): ToolbarButton[] {
  const newIn = canChange ? site : undefined;
  const buttons: (ToolbarButton | false)[] = [
    !!newIn && { id: 'new-mailbox', label: 'New Mailbox', icon: 'new-mailbox', command: { type: 'link', href: paths.newRecipient(newIn, 'mailbox') } },
    canProperties && {
      id: 'properties',
      label: 'Properties',
      icon: 'properties',
      separatorBefore: !!newIn,
      command: { type: 'event', event: SHELL_EVENTS.properties },
    },
    !canProperties &&
      !!propertiesHref && { id: 'properties', label: 'Properties', icon: 'properties', separatorBefore: !!newIn, command: { type: 'link', href: propertiesHref } },
    canProperties && canChange && { id: 'delete', label: 'Delete', icon: 'delete', command: { type: 'event', event: SHELL_EVENTS.delete } },
  ];
  return buttons.filter((button): button is ToolbarButton => button !== false);
}

/** `New &Mailbox...` → { text: 'New Mailbox...', mnemonic: 'm', index: 4 }. */
export function parseMnemonic(label: string): { text: string; mnemonic?: string; index: number } {
  const index = label.indexOf('&');
  if (index < 0 || index === label.length - 1) return { text: label, index: -1 };
  return { text: label.slice(0, index) + label.slice(index + 1), mnemonic: label[index + 1].toLowerCase(), index };
}

export function dispatchShellEvent(event: ShellEventName) {
  window.dispatchEvent(new CustomEvent(event));
}
