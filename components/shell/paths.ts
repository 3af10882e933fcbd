// URLs of the hierarchy's containers; the tree, the menus and the list pages all build links here.
const site = (name: string) => `/sites/${encodeURIComponent(name)}`;

export type NewRecipientKind = 'mailbox' | 'custom' | 'dl';
export type InternetMailServiceTab = 'general' | 'internet-mail' | 'routing' | 'routing-health';
export type MsMailConnectorTab = 'local-postoffice' | 'connections';
export type PreviewOrigin = 'internet' | 'exchange' | 'msmail';

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const paths = {
  organization: () => '/',
  /** The organisation's property sheet (its Permissions tab). */
  organizationProperties: () => '/permissions',
  /** A site's property sheet (its Permissions tab). */
  siteProperties: (name: string) => `${site(name)}/permissions`,
  site,
  configuration: (name: string) => `${site(name)}/configuration`,
  connections: (name: string) => `${site(name)}/configuration/connections`,
  siteAddressing: (name: string) => `${site(name)}/configuration/site-addressing`,
  recipients: (name: string) => `${site(name)}/recipients`,
  newRecipient: (name: string, kind: NewRecipientKind) => `${site(name)}/recipients/new?kind=${kind}`,
  /** Internet Mail Service property sheet; `entry` selects a line of the Routing tab (its Sent to). */
  internetMailService: (name: string, tab: InternetMailServiceTab = 'general', entry?: string) =>
    `${site(name)}/configuration/connections/internet-mail-service/${tab}${query({ entry })}`,
  /** MS Mail Connector property sheet; `postoffice` (NET/PO) selects a line of the Connections page. */
  msMailConnector: (name: string, tab: MsMailConnectorTab = 'local-postoffice', postoffice?: string) =>
    `${site(name)}/configuration/connections/msmail-connector/${tab}${query({ postoffice })}`,
  /** Routing Preview: its URL carries its inputs, so a preview can be shared. */
  routingPreview: (name: string, input: { address?: string; origin?: PreviewOrigin; recipient?: number } = {}) =>
    `${site(name)}/routing-preview${query({ address: input.address, origin: input.origin, recipient: input.recipient?.toString() })}`,
  /** Tools → Directory Import; `job` shows a running or finished import (the page polls it). */
  directoryImport: (name: string, job?: string) => `${site(name)}/directory-import${query({ job })}`,
  /** Tools → Directory Export. */
  directoryExport: (name: string) => `${site(name)}/directory-export`,
  /** Tools → Find Recipients; `search` is its query string (lib/validation/find-recipients.ts). */
  findRecipients: (search = '') => `/find-recipients${search ? `?${search}` : ''}`,
  /** Tools → Audit Log (the organisation's); `search` is its filters' query string. */
  auditLog: (search = '') => `/audit-log${search ? `?${search}` : ''}`,
  /** Tools → API Tokens: one's own; `username` another administrator's (a Permissions Admin's view). */
  apiTokens: (username?: string) => `/tokens${query({ username })}`,
};
