// The routing resolver's plain data: what it reads (configuration and directory) and what it
// answers. No Prisma, no I/O: the data layer builds these, the resolver only reads them.
// The rules themselves are in ../shared/ROUTING.md and resolve.ts.

export const ORIGINS = ['internet', 'exchange', 'msmail'] as const;
/** Where the message comes from: an outside SMTP host, a user in this organisation, an MS Mail user. */
export type Origin = (typeof ORIGINS)[number];

export const ORIGIN_LABELS: Record<Origin, string> = {
  internet: 'the Internet',
  exchange: 'a user in this organization',
  msmail: 'an MS Mail user',
};

export const VERDICTS = ['delivered', 'forwarded', 'expanded', 'sent-to-internet', 'ndr', 'rejected'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const ROUTE_INBOUND = 'inbound';

/** One line of the IMS Routing tab. `sentTo` may start with `#` (that domain only). */
export type RouteEntry = { sentTo: string; routeTo: string };

export const POSTOFFICE_CONNECTIONS = ['direct', 'indirect'] as const;
export type PostofficeConnection = (typeof POSTOFFICE_CONNECTIONS)[number];
export type PostofficeDefinition = { network: string; postoffice: string; connection: PostofficeConnection };

export type RoutingConfig = {
  organization: string;
  site: string;
  /** From Site Addressing (the SMTP rule's domain); null when the site has no SMTP rule. */
  siteSmtpDomain: string | null;
  internetMailService: {
    hostName: string;
    /** The administrator's mailbox (Internet Mail tab); a recipient id. */
    administratorId: number | null;
    rerouteIncoming: boolean;
    routes: RouteEntry[];
  };
  msMailConnector: {
    /** The connector's own postoffice identity, NETWORK/POSTOFFICE (Local Postoffice page). */
    network: string;
    postoffice: string;
    postoffices: PostofficeDefinition[];
  };
};

export type RecipientKind = 'mailbox' | 'custom' | 'dl';

export type DirectoryProxy = { type: string; address: string; primary: boolean };

export type DirectoryRecipient = {
  id: number;
  kind: RecipientKind;
  directoryName: string;
  displayName: string;
  /** Custom recipients: the target address in written form, e.g. `SMTP:cust@partner.example`. */
  targetAddress: string | null;
  proxies: DirectoryProxy[];
  /** Distribution lists: member recipient ids. */
  members: number[];
};

export type ProxyHolder = { recipient: DirectoryRecipient; proxy: DirectoryProxy };

/** The directory as the resolver reads it: recipients by id, proxy holders by uniqueness key. */
export type Directory = {
  recipients: ReadonlyMap<number, DirectoryRecipient>;
  /** proxyUniqueKey → holders. More than one holder only if duplicates slipped in (000C0595). */
  proxies: ReadonlyMap<string, ProxyHolder[]>;
};

/** What a step used, so the console can link to it. */
export type RoutingObject =
  | { kind: 'routing-entry'; sentTo: string; routeTo: string; implicit: boolean }
  | { kind: 'internet-mail-service'; tab: 'general' | 'internet-mail' | 'routing' }
  | { kind: 'proxy-address'; recipientId: number; type: string; address: string; primary: boolean }
  | { kind: 'recipient'; recipientId: number }
  | { kind: 'postoffice'; network: string; postoffice: string; connection: PostofficeConnection }
  | { kind: 'msmail-connector' }
  | { kind: 'site-addressing' };

/** Where a step happens, for the path diagram (sender → IMS → reroute → directory → mailbox). */
export type RoutingStage = 'sender' | 'dns' | 'ims' | 'reroute' | 'directory' | 'mailbox' | 'custom' | 'list' | 'connector' | 'msmail' | 'internet';

export type KbArticle = 'Q156545' | 'Q174351' | 'Q307628' | 'Q242387' | 'Q263199' | 'Q169683' | 'Q251152';

export type RoutingStep = {
  /** A stable name for the rule, e.g. `reroute.rewrite`. */
  rule: string;
  stage: RoutingStage;
  title: string;
  detail: string;
  article?: KbArticle;
  object?: RoutingObject;
};

export type RoutedRecipient = { id: number; kind: RecipientKind; directoryName: string; displayName: string };

export type RoutedMember = {
  recipient: RoutedRecipient;
  verdict: 'delivered' | 'forwarded' | 'expanded';
  /** Where this member's copy goes: the mailbox's reply address, the custom recipient's target. */
  finalAddress: string | null;
  members?: RoutedMember[];
  /** Why this member gets no copy of its own (already reached through another list). */
  note?: string;
};

export type Ndr = { code: string; text: string; diagnostic?: string };

export type RoutingResult = {
  /** The address as the resolver read it (type prefix removed for SMTP). */
  address: string;
  type: string;
  origin: Origin;
  site: string;
  verdict: Verdict;
  /** The verdict in words an administrator reads at a glance. */
  summary: string;
  finalAddress: string;
  recipient: RoutedRecipient | null;
  replyAddress: string | null;
  ndr: Ndr | null;
  members?: RoutedMember[];
  steps: RoutingStep[];
};

/** The resolver's answer: a result, or input it cannot judge (named, never guessed). */
export type RoutingOutcome =
  | { ok: true; result: RoutingResult }
  | { ok: false; field: 'address' | 'origin'; message: string };
