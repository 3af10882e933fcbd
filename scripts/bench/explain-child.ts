// npm run bench: EXPLAIN of the list and find queries, exactly as the app builds them
// (lib/server/recipients/recipient-queries.ts) and runs them (`db.$queryRaw` on the app's client):
// EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL. Run by run.ts with DATABASE_URL set,
// through `tsx --conditions=react-server`:
//   explain-child.ts '<ExplainSamples JSON>'
// Prints the plans, then a last line `@@INDEX {"first":true,...}`: whether each query's plan reads
// Recipient and ProxyAddress through indexes only (no full scan of either table).
import { Prisma } from '@/lib/generated/prisma/client';
import { db, provider } from '@/lib/server/db';
import { findRecipientsSql, listCountSql, listPageSql } from '@/lib/server/recipients/recipient-queries';
import { FIND_LIMIT } from '@/lib/validation/find-recipients';
import type { ExplainSamples, QueryKey } from './list-find';

type PlanLine = { depth: number; text: string };

async function plan(sql: Prisma.Sql): Promise<PlanLine[]> {
  if (provider === 'sqlite') {
    const rows = await db.$queryRaw<Array<{ id: number; parent: number; detail: string }>>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`);
    const depth = new Map<number, number>([[0, -1]]);
    return rows.map((row) => {
      const d = (depth.get(Number(row.parent)) ?? -1) + 1;
      depth.set(Number(row.id), d);
      return { depth: d, text: row.detail };
    });
  }
  const rows = await db.$queryRaw<Array<{ 'QUERY PLAN': string }>>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`);
  return rows.map((row) => ({ depth: 0, text: row['QUERY PLAN'] }));
}

const BIG_TABLES = /"?(Recipient|ProxyAddress)"?/;

/** A full scan of Recipient or ProxyAddress (SQLite `SCAN r` without an index; PostgreSQL `Seq Scan on "Recipient"`). */
function fullScans(lines: PlanLine[]): string[] {
  return lines
    .map((l) => l.text.trim())
    .filter((text) => {
      if (provider === 'sqlite') {
        const scan = /^SCAN (\S+)( USING .*)?$/.exec(text);
        return scan !== null && scan[2] === undefined && (BIG_TABLES.test(scan[1]) || scan[1] === 'r' || scan[1] === 'p');
      }
      return /Seq Scan on "?(Recipient|ProxyAddress)"?/.test(text);
    });
}

/** The SQL with its values in place, for reading (the database gets parameters). */
function inline(sql: Prisma.Sql): string {
  let i = 0;
  return sql.sql.replace(/\?/g, () => {
    const value = sql.values[i++];
    return typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
  });
}

async function main() {
  const samples = JSON.parse(process.argv[2]) as ExplainSamples;
  const site = await db.site.findUniqueOrThrow({ where: { name: samples.site }, select: { id: true } });
  const siteIds = (await db.site.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((s) => s.id);
  const siteId = site.id;
  const page = (sort: string, offset: number, q?: string) => listPageSql({ siteId, sort, q, offset, limit: samples.perPage });

  // As lib/server/recipients/list-recipients.ts and find-recipients.ts run them: an unfiltered
  // page beside its count; a filtered page alone (it carries its total); Find Recipients over the
  // sites the administrator sees (all of them for `admin`), one more than it lists.
  const queries: Array<{ key: QueryKey; title: string; sql: Prisma.Sql[] }> = [
    { key: 'first', title: `first page: ${samples.site}, sort=displayName`, sql: [page('displayName', 0), listCountSql({ siteId })] },
    { key: 'deep', title: `deep page: ${samples.site}, sort=-alias, page ${samples.deepPage}`, sql: [page('-alias', (samples.deepPage - 1) * samples.perPage), listCountSql({ siteId })] },
    {
      key: 'filter',
      title: `text filter: ${samples.site}, q='${samples.displayNamePrefix}' (a display name) and q='${samples.aliasPrefix}' (an alias)`,
      sql: [page('displayName', 0, samples.displayNamePrefix), page('displayName', 0, samples.aliasPrefix)],
    },
    {
      key: 'find',
      title: `Find Recipients: address='${samples.addressPrefix}', all ${siteIds.length} sites`,
      sql: [findRecipientsSql({ siteIds, address: samples.addressPrefix, limit: FIND_LIMIT + 1 })],
    },
  ];

  const indexOk: Partial<Record<QueryKey, boolean>> = {};
  for (const query of queries) {
    console.log(`\n▸ ${query.title}`);
    let ok = true;
    for (const sql of query.sql) {
      console.log(`  ${inline(sql).replace(/\s*\n\s*/g, ' ')}`);
      const lines = await plan(sql);
      for (const line of lines) console.log(`    ${'  '.repeat(line.depth)}${line.text}`);
      const scans = fullScans(lines);
      if (scans.length) {
        ok = false;
        console.log(`    ✗ full scan: ${scans.join('; ')}`);
      }
    }
    indexOk[query.key] = ok;
    console.log(`  ${ok ? '✓ indexes only' : '✗ not from indexes alone'}`);
  }
  console.log(`\n@@INDEX ${JSON.stringify(indexOk)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  },
);
