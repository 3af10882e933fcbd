import 'server-only';
import { buildDirectory } from '@/lib/core/routing/directory';
import { compileRouting, type CompiledRouting } from '@/lib/core/routing/resolve';
import type { Directory, DirectoryRecipient, RecipientKind, RoutingConfig } from '@/lib/core/routing/types';
import { siteSmtpDomain } from '@/lib/core/site-addressing';
import { db } from '@/lib/server/db';
import { notFound } from '@/lib/server/errors';
import { readRoutingGeneration, type RoutingGeneration } from './read-routing-generation';
import { defaultInternetMailService, defaultMsMailConnector } from './site-routing-defaults';

/** Everything the resolver reads, loaded once and shared until the directory or configuration changes. */
export type RoutingSnapshot = {
  generation: RoutingGeneration | null;
  directory: Directory;
  /** Compiled routing per site, by lower-cased site name; `first` is the default site. */
  sites: ReadonlyMap<string, CompiledRouting>;
  first: CompiledRouting | null;
};

type Cached = { generation: RoutingGeneration; promise: Promise<RoutingSnapshot> };
const cache = globalThis as unknown as { xadmRoutingSnapshot?: Cached };

/**
 * The routing snapshot, reloaded when the database's routing generation has moved. Triggers raise
 * one counter on every change to recipients, their addresses and list members, another on every
 * change to Site Addressing and the connectors, whichever process makes it, so a preview never
 * answers from stale data. A configuration change only recompiles the sites' routing; the
 * directory is reloaded only when it changed.
 */
export async function getRoutingSnapshot(): Promise<RoutingSnapshot> {
  const generation = await readRoutingGeneration();
  // Without the counters nothing could tell a stale snapshot: load afresh every time.
  if (!generation) return loadRoutingSnapshot(null, null);
  const cached = cache.xadmRoutingSnapshot;
  if (cached && cached.generation.directory === generation.directory && cached.generation.configuration === generation.configuration) return cached.promise;
  const reuse = cached && cached.generation.directory === generation.directory ? cached.promise : null;
  const promise = loadRoutingSnapshot(generation, reuse);
  cache.xadmRoutingSnapshot = { generation, promise };
  promise.catch(() => {
    if (cache.xadmRoutingSnapshot?.promise === promise) cache.xadmRoutingSnapshot = undefined;
  });
  return promise;
}

/** The compiled routing of a named site (case-insensitive), or of the first site. */
export function snapshotSite(snapshot: RoutingSnapshot, name?: string): CompiledRouting {
  const routing = name === undefined ? snapshot.first : snapshot.sites.get(name.toLowerCase());
  if (!routing) throw notFound(name === undefined ? 'The organization has no site.' : `There is no site named '${name}'.`);
  return routing;
}

const KINDS: readonly string[] = ['mailbox', 'custom', 'dl'];

async function loadRoutingSnapshot(generation: RoutingGeneration | null, previous: Promise<RoutingSnapshot> | null): Promise<RoutingSnapshot> {
  const directory = previous ? (await previous).directory : await loadDirectory();
  const { sites, first } = await loadSiteRouting();
  return { generation, directory, sites, first };
}

async function loadDirectory(): Promise<Directory> {
  // Flat reads joined here: far faster than nested includes for a 100,000-recipient directory.
  const recipients = await db.recipient.findMany({
    select: { id: true, kind: true, directoryName: true, displayName: true, targetAddress: true },
    orderBy: { id: 'asc' },
  });
  const proxies = await db.proxyAddress.findMany({ select: { recipientId: true, type: true, address: true, primary: true }, orderBy: { id: 'asc' } });
  const members = await db.distributionListMember.findMany({ select: { listId: true, memberId: true } });
  const byId = new Map<number, DirectoryRecipient>();
  for (const r of recipients) {
    const kind = (KINDS.includes(r.kind) ? r.kind : 'mailbox') as RecipientKind;
    byId.set(r.id, { id: r.id, kind, directoryName: r.directoryName, displayName: r.displayName, targetAddress: r.targetAddress, proxies: [], members: [] });
  }
  for (const p of proxies) byId.get(p.recipientId)?.proxies.push({ type: p.type, address: p.address, primary: p.primary });
  for (const m of members) byId.get(m.listId)?.members.push(m.memberId);
  return buildDirectory(byId.values());
}

async function loadSiteRouting(): Promise<Pick<RoutingSnapshot, 'sites' | 'first'>> {
  const sites = await db.site.findMany({
    select: {
      name: true,
      organization: { select: { name: true } },
      addressingRules: { select: { type: true, rule: true } },
      internetMail: {
        select: { hostName: true, administratorId: true, rerouteIncoming: true, routes: { select: { sentTo: true, routeTo: true }, orderBy: { id: 'asc' } } },
      },
      msMailConnector: { select: { network: true, postoffice: true, postoffices: { select: { network: true, postoffice: true, connection: true } } } },
    },
    orderBy: { id: 'asc' },
  });

  const compiled = new Map<string, CompiledRouting>();
  let first: CompiledRouting | null = null;
  for (const site of sites) {
    const imsDefaults = defaultInternetMailService(site.addressingRules, site.name);
    const connector = site.msMailConnector ?? defaultMsMailConnector(site.addressingRules, site.organization.name, site.name);
    const config: RoutingConfig = {
      organization: site.organization.name,
      site: site.name,
      siteSmtpDomain: siteSmtpDomain(site.addressingRules),
      internetMailService: site.internetMail ?? imsDefaults,
      msMailConnector: {
        network: connector.network,
        postoffice: connector.postoffice,
        postoffices: connector.postoffices.map((po) => ({ ...po, connection: po.connection === 'indirect' ? 'indirect' : 'direct' })),
      },
    };
    const routing = compileRouting(config);
    compiled.set(site.name.toLowerCase(), routing);
    first ??= routing;
  }
  return { sites: compiled, first };
}
