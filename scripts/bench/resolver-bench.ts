// The resolver in process: reads the bench database as the server's snapshot does (flat reads
// joined in memory; better-sqlite3 or node-postgres, where the server reads through Prisma), then
// times buildDirectory and resolveAddress over the mixed batch.
// Runs in its own process (run.ts forks it with --expose-gc and the database's URL) so heap
// figures are its own.
import { buildDirectory } from '../../lib/core/routing/directory';
import { compileRouting, resolveAddress } from '../../lib/core/routing/resolve';
import type { DirectoryRecipient, RecipientKind, RoutingConfig, Verdict } from '../../lib/core/routing/types';
import { siteSmtpDomain, type SiteAddressingRule } from '../../lib/core/site-addressing';
import { SITE, mixedBatch, type BenchItem } from './dataset';
import { connect, type SqlClient } from './sql';

export type ResolverReport = {
  recipients: number;
  proxies: number;
  readMs: number;
  buildDirectoryMs: number;
  compileMs: number;
  heapBaselineMb: number;
  heapRecordsMb: number;
  heapIndexMb: number;
  heapTotalMb: number;
  batch: number;
  passesMs: number[];
  addressesPerSecond: number;
  verdicts: Partial<Record<Verdict | 'refused', number>>;
  unexpected: number;
  unexpectedSamples: string[];
};

const MB = 1024 * 1024;
const PASSES = 3;

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

async function loadConfig(db: SqlClient): Promise<RoutingConfig> {
  const one = async <T>(sql: string, params: unknown[]) => (await db.all<T>(sql, params))[0] as T | undefined;
  const site = await one<{ id: number; name: string; organization: string }>('SELECT s.id, s.name, o.name AS organization FROM "Site" s JOIN "Organization" o ON o.id = s."organizationId" WHERE s.name = ?', [SITE]);
  if (!site) throw new Error(`no site ${SITE} in the bench database`);
  // Booleans: 0/1 from SQLite, false/true from PostgreSQL.
  const rules = await db.all<{ type: string; rule: string; enabled: number | boolean }>('SELECT "type", "rule", "enabled" FROM "SiteAddressingRule" WHERE "siteId" = ?', [site.id]);
  const ims = await one<{ id: number; hostName: string; administratorId: number | null; rerouteIncoming: number | boolean }>(
    'SELECT id, "hostName", "administratorId", "rerouteIncoming" FROM "InternetMailService" WHERE "siteId" = ?',
    [site.id],
  );
  if (!ims) throw new Error('no Internet Mail Service in the bench database');
  const routes = await db.all<{ sentTo: string; routeTo: string }>('SELECT "sentTo", "routeTo" FROM "RoutingEntry" WHERE "serviceId" = ? ORDER BY id', [ims.id]);
  const connector = await one<{ id: number; network: string; postoffice: string }>('SELECT id, "network", "postoffice" FROM "MsMailConnector" WHERE "siteId" = ?', [site.id]);
  if (!connector) throw new Error('no MS Mail Connector in the bench database');
  const postoffices = await db.all<{ network: string; postoffice: string; connection: string }>('SELECT "network", "postoffice", "connection" FROM "MsMailPostoffice" WHERE "connectorId" = ?', [connector.id]);
  return {
    organization: site.organization,
    site: site.name,
    siteSmtpDomain: siteSmtpDomain(rules.map((r) => ({ ...r, enabled: Boolean(r.enabled) }) as SiteAddressingRule)),
    internetMailService: { hostName: ims.hostName, administratorId: ims.administratorId, rerouteIncoming: Boolean(ims.rerouteIncoming), routes },
    msMailConnector: {
      network: connector.network,
      postoffice: connector.postoffice,
      postoffices: postoffices.map((po) => ({ network: po.network, postoffice: po.postoffice, connection: po.connection === 'indirect' ? 'indirect' : 'direct' })),
    },
  };
}

const KINDS: readonly string[] = ['mailbox', 'custom', 'dl'];

export async function runResolverBench(url: string): Promise<ResolverReport> {
  const heapBaseline = heapUsed();
  const db = await connect(url);
  const readStart = performance.now();
  const byId = new Map<number, DirectoryRecipient>();
  let proxyCount = 0;
  let config: RoutingConfig;
  try {
    const recipients = await db.all<{ id: number; kind: string; directoryName: string; displayName: string; targetAddress: string | null }>(
      'SELECT id, kind, "directoryName", "displayName", "targetAddress" FROM "Recipient" ORDER BY id',
    );
    for (const r of recipients) {
      const kind = (KINDS.includes(r.kind) ? r.kind : 'mailbox') as RecipientKind;
      byId.set(r.id, { id: r.id, kind, directoryName: r.directoryName, displayName: r.displayName, targetAddress: r.targetAddress, proxies: [], members: [] });
    }
    for (const p of await db.all<{ recipientId: number; type: string; address: string; primary: number | boolean }>('SELECT "recipientId", "type", "address", "primary" FROM "ProxyAddress" ORDER BY id')) {
      byId.get(p.recipientId)?.proxies.push({ type: p.type, address: p.address, primary: Boolean(p.primary) });
      proxyCount++;
    }
    for (const m of await db.all<{ listId: number; memberId: number }>('SELECT "listId", "memberId" FROM "DistributionListMember"')) {
      byId.get(m.listId)?.members.push(m.memberId);
    }
    config = await loadConfig(db);
  } finally {
    await db.close();
  }
  const readMs = performance.now() - readStart;
  const heapRecords = heapUsed();

  const buildStart = performance.now();
  const directory = buildDirectory(byId.values());
  const buildDirectoryMs = performance.now() - buildStart;
  const heapIndex = heapUsed();

  const compileStart = performance.now();
  const routing = compileRouting(config);
  const compileMs = performance.now() - compileStart;

  const batch: BenchItem[] = mixedBatch();
  const verdicts: ResolverReport['verdicts'] = {};
  let unexpected = 0;
  const unexpectedSamples: string[] = [];
  // One untimed pass: warms the JIT and checks that the mix does what the output says it does.
  for (const item of batch) {
    const outcome = resolveAddress(routing, directory, item);
    const verdict = outcome.ok ? outcome.result.verdict : 'refused';
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    if (verdict !== item.expect) {
      unexpected++;
      if (unexpectedSamples.length < 5) unexpectedSamples.push(`${item.origin} ${item.address}: ${verdict}, expected ${item.expect}`);
    }
  }

  const passesMs: number[] = [];
  let sink = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    const start = performance.now();
    for (let i = 0; i < batch.length; i++) {
      const outcome = resolveAddress(routing, directory, batch[i]);
      if (outcome.ok) sink += outcome.result.steps.length;
    }
    passesMs.push(performance.now() - start);
  }
  if (sink === 0) throw new Error('the resolver answered nothing');
  const sorted = [...passesMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];

  return {
    recipients: byId.size,
    proxies: proxyCount,
    readMs,
    buildDirectoryMs,
    compileMs,
    heapBaselineMb: heapBaseline / MB,
    heapRecordsMb: (heapRecords - heapBaseline) / MB,
    heapIndexMb: (heapIndex - heapRecords) / MB,
    heapTotalMb: heapIndex / MB,
    batch: batch.length,
    passesMs,
    addressesPerSecond: batch.length / (median / 1000),
    verdicts,
    unexpected,
    unexpectedSamples,
  };
}

// As a forked child: run, hand the report to the parent over IPC, exit.
if (process.send && process.argv[2]) {
  runResolverBench(process.argv[2]).then(
    (report) => process.send!({ ok: true, report }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) }, () => process.exit(1)),
  );
}
