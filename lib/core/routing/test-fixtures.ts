// Test data for the routing resolver's tests: the seeds' organisation (ADATUM / REDMOND, site SMTP
// domain adatum.com, MS Mail Connector ADATUM/REDMOND, IMS host mail.adatum.com) as plain
// RoutingConfig and DirectoryRecipient values. Plain functions, no I/O; every call builds fresh
// objects, so a test may change what it gets without touching another test's data.
import { parseWrittenAddress } from '../addresses';
import { buildDirectory } from './directory';
import { compileRouting, resolveAddress } from './resolve';
import type {
  Directory,
  DirectoryProxy,
  DirectoryRecipient,
  Origin,
  PostofficeDefinition,
  RouteEntry,
  RoutingConfig,
  RoutingResult,
} from './types';

export const ORG = 'ADATUM';
export const SITE = 'REDMOND';
export const SITE_DOMAIN = 'adatum.com';
export const IMS_HOST = 'mail.adatum.com';

/** Recipient ids of the standard directory. */
export const ADMIN_ID = 1;
export const BOB_ID = 2;

/** Proxies from Exchange's written form: `SMTP:` primary, `smtp:` secondary (E-mail Addresses tab). */
export function proxies(...written: string[]): DirectoryProxy[] {
  return written.map((w) => {
    const parsed = parseWrittenAddress(w);
    if (!parsed) throw new Error(`not a written address: ${w}`);
    return { type: parsed.type, address: parsed.address, primary: parsed.primary };
  });
}

export function mailbox(id: number, name: string, written: string[]): DirectoryRecipient {
  return { id, kind: 'mailbox', directoryName: name, displayName: name, targetAddress: null, proxies: proxies(...written), members: [] };
}

export function customRecipient(id: number, name: string, targetAddress: string, written: string[]): DirectoryRecipient {
  return { id, kind: 'custom', directoryName: name, displayName: name, targetAddress, proxies: proxies(...written), members: [] };
}

export function distributionList(id: number, name: string, members: number[], written: string[]): DirectoryRecipient {
  return { id, kind: 'dl', directoryName: name, displayName: name, targetAddress: null, proxies: proxies(...written), members };
}

/** The Administrator mailbox of a new organisation: one generated address of each type. */
export function administrator(...extra: string[]): DirectoryRecipient {
  return mailbox(ADMIN_ID, 'Administrator', [
    'SMTP:administrator@adatum.com',
    'MS:ADATUM/REDMOND/ADMINISTRA',
    'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Administrator;',
    ...extra,
  ]);
}

/** Bob Kelly (Q156545's Bob): generated addresses plus any extra ones. */
export function bob(...extra: string[]): DirectoryRecipient {
  const m = mailbox(BOB_ID, 'Bob Kelly', [
    'SMTP:bob@adatum.com',
    'MS:ADATUM/REDMOND/BOB',
    'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Kelly;g=Bob;',
    ...extra,
  ]);
  return { ...m, directoryName: 'BobK' };
}

export type ConfigOptions = {
  rerouteIncoming?: boolean;
  routes?: RouteEntry[];
  administratorId?: number | null;
  siteSmtpDomain?: string | null;
  postoffices?: PostofficeDefinition[];
  hostName?: string;
};

/** ADATUM / REDMOND with rerouting off, an empty table and Administrator as the IMS administrator. */
export function routingConfig(options: ConfigOptions = {}): RoutingConfig {
  return {
    organization: ORG,
    site: SITE,
    siteSmtpDomain: options.siteSmtpDomain === undefined ? SITE_DOMAIN : options.siteSmtpDomain,
    internetMailService: {
      hostName: options.hostName ?? IMS_HOST,
      administratorId: options.administratorId === undefined ? ADMIN_ID : options.administratorId,
      rerouteIncoming: options.rerouteIncoming ?? false,
      routes: options.routes ?? [],
    },
    msMailConnector: { network: ORG, postoffice: SITE, postoffices: options.postoffices ?? [] },
  };
}

/** Routing table rows written `sentTo → routeTo`, e.g. route('cpandl.net', 'adatum.com'). */
export const route = (sentTo: string, routeTo = 'inbound'): RouteEntry => ({ sentTo, routeTo });

/** Rerouting on with these entries (the site domain is added by the resolver itself). */
export const rerouting = (...routes: RouteEntry[]): ConfigOptions => ({ rerouteIncoming: true, routes });

/** Q307628's Routing tab. */
export const Q307628_ROUTES: RouteEntry[] = [
  route('adatum.com'),
  route('cpandl.net', 'adatum.com'),
  route('cpandl.org', 'adatum.com'),
  route('internal.adatum.com', 'adatum.com'),
];

/** The MS Mail postoffices the connector knows: Q156545's OLDNET/OLDPO and a real one, FINNET/PO1. */
export const POSTOFFICES: PostofficeDefinition[] = [
  { network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' },
  { network: 'FINNET', postoffice: 'PO1', connection: 'direct' },
];

/** Resolves one address and returns the result; fails the test when the input is refused. */
export function resolveWith(config: RoutingConfig, recipients: DirectoryRecipient[] | Directory, address: string, origin: Origin = 'internet'): RoutingResult {
  const directory = Array.isArray(recipients) ? buildDirectory(recipients) : recipients;
  const outcome = resolveAddress(compileRouting(config), directory, { address, origin });
  if (!outcome.ok) throw new Error(`expected a result for ${address} from ${origin}, got ${outcome.field}: ${outcome.message}`);
  return outcome.result;
}

/** The rules of the steps, in order: what a test reads to see the path taken. */
export const rules = (result: RoutingResult) => result.steps.map((s) => s.rule);

/** The verdict and where it went, in one comparable object. */
export const landing = (result: RoutingResult) => ({
  verdict: result.verdict,
  finalAddress: result.finalAddress,
  recipientId: result.recipient?.id ?? null,
  replyAddress: result.replyAddress,
  ndr: result.ndr?.code ?? null,
});
