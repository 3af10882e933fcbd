// npm run bench, the Recipients list and Find Recipients over the 100,000-recipient organisation
// of `npm run seed:large`: the requests (drawn from the seeded data with a seeded PRNG, so every
// run and both databases ask the same), and the measuring loop — one request at a time on one
// keep-alive connection, the server's own time read from its `Server-Timing: app;dur=` header.
import type http from 'node:http';
import { prng } from './dataset';
import { percentile, request, serverTimingMs } from './http';
import { connect } from './sql';

export const LIST_SITE = 'REDMOND';
export const LARGE_SITES = ['REDMOND', 'PARIS', 'TOKYO'];
export const REQUESTS = 200;
export const WARMUP = 20;
export const PER_PAGE = 50;
export const LIST_TARGET = { median: 50, p95: 150 };

export type QueryKey = 'first' | 'deep' | 'filter' | 'find';

export type ListFindQuery = {
  key: QueryKey;
  label: string;
  /** How the requests vary, for the output. */
  varies: string;
  /** WARMUP + REQUESTS paths, asked in turn. */
  paths: string[];
};

/** What the EXPLAIN child needs to build the same queries with representative values. */
export type ExplainSamples = {
  site: string;
  perPage: number;
  deepPage: number;
  displayNamePrefix: string;
  aliasPrefix: string;
  addressPrefix: string;
};

export type ListFindPlan = { queries: ListFindQuery[]; samples: ExplainSamples; pageCount: number; siteRecipients: number };

const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The four queries' requests, from the data actually seeded in `url`. */
export async function planListFind(url: string): Promise<ListFindPlan> {
  const db = await connect(url);
  let recipients: Array<{ displayName: string; alias: string }>;
  let secondary: Array<{ address: string }>;
  try {
    recipients = await db.all('SELECT r."displayName", r."alias" FROM "Recipient" r JOIN "Site" s ON s.id = r."siteId" WHERE s."name" = ? ORDER BY r.id', [LIST_SITE]);
    // Secondary SMTP addresses (seed:large gives every other mailbox one in a hosted domain).
    secondary = await db.all(`SELECT "address" FROM "ProxyAddress" WHERE "type" = 'SMTP' AND NOT "primary" AND "address" LIKE '%.hosted-adatum.example' ORDER BY id`);
  } finally {
    await db.close();
  }
  if (recipients.length < 1000 || secondary.length < 1000) {
    throw new Error(`the organisation is not seed:large's: ${recipients.length} recipients in ${LIST_SITE}, ${secondary.length} secondary hosted addresses`);
  }
  const random = prng(0x11_57);
  const pick = <T>(rows: T[]) => rows[Math.floor(random() * rows.length)];
  const count = WARMUP + REQUESTS;
  const pageCount = Math.ceil(recipients.length / PER_PAGE);

  /** "López, Kim 123" → "López, K" (every "Last, F…" names about 1,300 recipients of a site). */
  const displayNamePrefix = (name: string) => name.slice(0, name.indexOf(', ') + 3);
  /** "r012345" → "r0123": ten recipients. */
  const aliasPrefix = (alias: string) => alias.slice(0, 5);
  /** "kim.r012346@h07.hosted-adatum.example" → "kim.r012": a few recipients in the organisation. */
  const addressPrefix = (address: string) => address.slice(0, address.indexOf('.') + 5);
  const deepPage = () => pageCount - Math.floor(random() * Math.ceil(pageCount / 5));

  const queries: ListFindQuery[] = [
    {
      key: 'first',
      label: 'Recipients list, first page (by display name)',
      varies: `site=REDMOND, PARIS, TOKYO in turn; perPage ${PER_PAGE}`,
      paths: Array.from({ length: count }, (_, i) => `/api/v1/recipients?${qs({ site: LARGE_SITES[i % LARGE_SITES.length] })}`),
    },
    {
      key: 'deep',
      label: 'Recipients list, deep page (sort=-alias)',
      varies: `site=${LIST_SITE}&sort=-alias&page=${pageCount - Math.ceil(pageCount / 5) + 1}…${pageCount} (of ${pageCount})`,
      paths: Array.from({ length: count }, () => `/api/v1/recipients?${qs({ site: LIST_SITE, sort: '-alias', page: deepPage() })}`),
    },
    {
      key: 'filter',
      label: 'Recipients list, text filter (q=)',
      varies: `site=${LIST_SITE}&q= a display-name prefix ("Olsen, K") or an alias prefix ("r0123") in turn`,
      paths: Array.from({ length: count }, (_, i) => {
        const r = pick(recipients);
        return `/api/v1/recipients?${qs({ site: LIST_SITE, q: i % 2 === 0 ? displayNamePrefix(r.displayName) : aliasPrefix(r.alias) })}`;
      }),
    },
    {
      key: 'find',
      label: 'Find Recipients by address',
      varies: 'address= the start of a secondary address in a hosted domain ("kim.r012"), whole organisation',
      paths: Array.from({ length: count }, () => `/api/v1/recipients/find?${qs({ address: addressPrefix(pick(secondary).address) })}`),
    },
  ];
  const sample = recipients[Math.floor(recipients.length / 3)];
  return {
    queries,
    pageCount,
    siteRecipients: recipients.length,
    samples: {
      site: LIST_SITE,
      perPage: PER_PAGE,
      deepPage: pageCount - 3,
      displayNamePrefix: displayNamePrefix(sample.displayName),
      aliasPrefix: aliasPrefix(sample.alias),
      addressPrefix: addressPrefix(secondary[Math.floor(secondary.length / 3)].address),
    },
  };
}

export type QueryResult = {
  key: QueryKey;
  label: string;
  requests: number;
  server: { median: number; p95: number; max: number };
  roundTrip: { median: number; p95: number };
  /** Rows per answer (mean) and the matches the answer reports (mean `total`, where there is one). */
  rows: number;
  total: number;
  statuses: Record<number, number>;
  firstError: string | null;
  ok: boolean;
};

/** Rows in an answer of the list or of Find Recipients, whatever its exact shape. */
function rowsOf(body: unknown): { rows: number; total: number } {
  if (Array.isArray(body)) return { rows: body.length, total: NaN };
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const list = [o.rows, o.results, o.recipients, o.items].find(Array.isArray) as unknown[] | undefined;
    return { rows: list?.length ?? NaN, total: typeof o.total === 'number' ? o.total : NaN };
  }
  return { rows: NaN, total: NaN };
}

export async function measureQuery(agent: http.Agent, port: number, query: ListFindQuery): Promise<QueryResult> {
  const server: number[] = [];
  const roundTrip: number[] = [];
  const statuses: Record<number, number> = {};
  let rows = 0;
  let total = 0;
  let totals = 0;
  let firstError: string | null = null;
  for (const [i, path] of query.paths.entries()) {
    const reply = await request(agent, port, 'GET', path);
    if (reply.status !== 200) {
      firstError ??= `${reply.status} ${path}: ${reply.body.toString().slice(0, 300)}`;
    }
    if (i < WARMUP) continue;
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    server.push(serverTimingMs(reply));
    roundTrip.push(reply.ms);
    if (reply.status === 200) {
      const counted = rowsOf(JSON.parse(reply.body.toString()));
      rows += counted.rows;
      if (Number.isFinite(counted.total)) {
        total += counted.total;
        totals++;
      }
    }
  }
  const sortedServer = Float64Array.from(server).sort();
  const sortedTrip = Float64Array.from(roundTrip).sort();
  const result = {
    key: query.key,
    label: query.label,
    requests: server.length,
    server: { median: percentile(sortedServer, 50), p95: percentile(sortedServer, 95), max: sortedServer[sortedServer.length - 1] },
    roundTrip: { median: percentile(sortedTrip, 50), p95: percentile(sortedTrip, 95) },
    rows: rows / Math.max(1, statuses[200] ?? 0),
    total: totals ? total / totals : NaN,
    statuses,
    firstError,
  };
  return { ...result, ok: (statuses[200] ?? 0) === server.length && result.server.median <= LIST_TARGET.median && result.server.p95 <= LIST_TARGET.p95 };
}
