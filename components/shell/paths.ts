// URLs of the hierarchy's containers; the tree, the menus and the list pages all build links here.
const site = (name: string) => `/sites/${encodeURIComponent(name)}`;

export type NewRecipientKind = 'mailbox' | 'custom' | 'dl';

export const paths = {
  organization: () => '/',
  site,
  configuration: (name: string) => `${site(name)}/configuration`,
  connections: (name: string) => `${site(name)}/configuration/connections`,
  siteAddressing: (name: string) => `${site(name)}/configuration/site-addressing`,
  recipients: (name: string) => `${site(name)}/recipients`,
  newRecipient: (name: string, kind: NewRecipientKind) => `${site(name)}/recipients/new?kind=${kind}`,
};
