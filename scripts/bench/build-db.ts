// The routing benchmark's database, built from scratch on either database: migrate deploy, the
// empty seed (ADATUM / REDMOND / Site Addressing / Administrator), then 100,000 mailboxes
// bulk-inserted in one transaction — better-sqlite3 prepared statements on SQLite, batched
// multi-row INSERTs (unnest of arrays) through node-postgres on PostgreSQL — and the Internet Mail
// Service's Routing tab (rerouting on, dataset.ROUTES).
import Database from 'better-sqlite3';
import pg from 'pg';
import { proxyUniqueKey } from '../../lib/core/addresses';
import { lowerCaseKey } from '../../lib/core/search-keys';
import { checkRoutingTable, findRewriteLoops } from '../../lib/core/routing/routing-table';
import { databaseProvider, sqlitePath } from '../db-url.mjs';
import { MAILBOXES, ROUTES, SITE, SITE_DOMAIN, mailbox } from './dataset';
import { databaseBytes, migrate, seedEmpty } from './sql';

export type BuildTimings = { migrateMs: number; seedMs: number; insertMs: number; totalMs: number; recipients: number; proxies: number; bytes: number };

/** Builds the routing bench directory in the empty database `url` (a file: or postgresql:// URL). */
export async function buildBenchDatabase(url: string): Promise<BuildTimings> {
  const started = performance.now();
  migrate(url);
  const migrated = performance.now();
  // The seed runs through the app's own data layer, as `npm run db:seed` does.
  seedEmpty(url);
  const seeded = performance.now();

  const routeProblem = checkRoutingTable(ROUTES, SITE_DOMAIN);
  if (routeProblem) throw new Error(`bench routing entry ${routeProblem.index + 1}: ${routeProblem.message}`);
  const loops = findRewriteLoops(ROUTES, SITE_DOMAIN);
  if (loops.length) throw new Error(`bench routing table has a loop: ${loops.join('; ')}`);

  const proxies = databaseProvider(url) === 'sqlite' ? insertSqlite(sqlitePath(url)) : await insertPostgres(url);
  const done = performance.now();
  return {
    migrateMs: migrated - started,
    seedMs: seeded - migrated,
    insertMs: done - seeded,
    totalMs: done - started,
    recipients: MAILBOXES + 1, // and the seeded Administrator
    proxies,
    bytes: await databaseBytes(url),
  };
}

/** Each mailbox's three addresses: primary SMTP, primary MS, secondary SMTP in a hosted domain. */
function addressesOf(i: number) {
  const m = mailbox(i);
  return [
    { type: 'SMTP', address: m.primarySmtp, primary: true },
    { type: 'MS', address: m.ms, primary: true },
    { type: 'SMTP', address: m.secondarySmtp, primary: false },
  ];
}

function insertSqlite(file: string): number {
  const db = new Database(file);
  let proxies = 0;
  try {
    db.pragma('foreign_keys = ON');
    // This connection only: the file keeps the app's journal mode.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const site = db.prepare('SELECT id FROM "Site" WHERE "name" = ?').get(SITE) as { id: number } | undefined;
    if (!site) throw new Error(`the seed did not create site ${SITE}`);
    const ims = db.prepare('SELECT id FROM "InternetMailService" WHERE "siteId" = ?').get(site.id) as { id: number } | undefined;
    if (!ims) throw new Error('the seed did not create the Internet Mail Service');

    const insertRecipient = db.prepare(
      `INSERT INTO "Recipient" ("siteId", "kind", "directoryName", "alias", "displayName", "firstName", "initials", "lastName", "targetAddress", "version", "createdAt", "updatedAt", "displayNameKey", "aliasKey")
       VALUES (?, 'mailbox', ?, ?, ?, ?, '', ?, NULL, 1, ?, ?, ?, ?)`,
    );
    const insertProxy = db.prepare('INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey") VALUES (?, ?, ?, ?, ?, ?)');
    // The same DateTime text Prisma writes for SQLite.
    const now = new Date().toISOString().replace('Z', '+00:00');

    db.transaction(() => {
      for (let i = 0; i < MAILBOXES; i++) {
        const m = mailbox(i);
        const id = insertRecipient.run(site.id, m.alias, m.alias, m.displayName, m.firstName, m.lastName, now, now, lowerCaseKey(m.displayName), lowerCaseKey(m.alias)).lastInsertRowid;
        for (const p of addressesOf(i)) {
          insertProxy.run(id, p.type, p.address, p.primary ? 1 : 0, proxyUniqueKey(p.type, p.address), lowerCaseKey(p.address));
          proxies++;
        }
      }
      db.prepare('UPDATE "InternetMailService" SET "rerouteIncoming" = 1, "version" = "version" + 1 WHERE "id" = ?').run(ims.id);
      db.prepare('DELETE FROM "RoutingEntry" WHERE "serviceId" = ?').run(ims.id);
      const insertRoute = db.prepare('INSERT INTO "RoutingEntry" ("serviceId", "sentTo", "routeTo") VALUES (?, ?, ?)');
      for (const route of ROUTES) insertRoute.run(ims.id, route.sentTo, route.routeTo);
    })();
  } finally {
    db.close();
  }
  return proxies;
}

const PG_BATCH = 10_000;

async function insertPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let proxies = 0;
  try {
    const site = (await client.query<{ id: number }>('SELECT id FROM "Site" WHERE "name" = $1', [SITE])).rows[0];
    if (!site) throw new Error(`the seed did not create site ${SITE}`);
    const ims = (await client.query<{ id: number }>('SELECT id FROM "InternetMailService" WHERE "siteId" = $1', [site.id])).rows[0];
    if (!ims) throw new Error('the seed did not create the Internet Mail Service');
    // timestamp(3) text in UTC, as Prisma writes DateTime on PostgreSQL (lib/server/pg-pool.ts pgTimestamp).
    const now = new Date().toISOString().slice(0, -1);

    await client.query('BEGIN');
    try {
      for (let from = 0; from < MAILBOXES; from += PG_BATCH) {
        const to = Math.min(MAILBOXES, from + PG_BATCH);
        const r = { alias: [] as string[], displayName: [] as string[], firstName: [] as string[], lastName: [] as string[], displayNameKey: [] as string[], aliasKey: [] as string[] };
        const p = { directoryName: [] as string[], type: [] as string[], address: [] as string[], primary: [] as boolean[], uniqueKey: [] as string[], addressKey: [] as string[] };
        for (let i = from; i < to; i++) {
          const m = mailbox(i);
          r.alias.push(m.alias);
          r.displayName.push(m.displayName);
          r.firstName.push(m.firstName);
          r.lastName.push(m.lastName);
          r.displayNameKey.push(lowerCaseKey(m.displayName));
          r.aliasKey.push(lowerCaseKey(m.alias));
          for (const a of addressesOf(i)) {
            p.directoryName.push(m.alias);
            p.type.push(a.type);
            p.address.push(a.address);
            p.primary.push(a.primary);
            p.uniqueKey.push(proxyUniqueKey(a.type, a.address));
            p.addressKey.push(lowerCaseKey(a.address));
          }
        }
        await client.query(
          `INSERT INTO "Recipient" ("siteId", "kind", "directoryName", "alias", "displayName", "firstName", "initials", "lastName", "targetAddress", "version", "createdAt", "updatedAt", "displayNameKey", "aliasKey")
           SELECT $1, 'mailbox', v.alias, v.alias, v.display, v.first, '', v.last, NULL, 1, $2::timestamp, $2::timestamp, v.display_key, v.alias_key
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS v(alias, display, first, last, display_key, alias_key)`,
          [site.id, now, r.alias, r.displayName, r.firstName, r.lastName, r.displayNameKey, r.aliasKey],
        );
        const inserted = await client.query(
          `INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey")
           SELECT rc.id, v.type, v.address, v.is_primary, v.unique_key, v.address_key
           FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[]) AS v(directory_name, type, address, is_primary, unique_key, address_key)
           JOIN "Recipient" rc ON rc."siteId" = $1 AND rc."directoryName" = v.directory_name`,
          [site.id, p.directoryName, p.type, p.address, p.primary, p.uniqueKey, p.addressKey],
        );
        if (inserted.rowCount !== p.address.length) throw new Error(`inserted ${inserted.rowCount} of ${p.address.length} addresses`);
        proxies += p.address.length;
      }
      await client.query('UPDATE "InternetMailService" SET "rerouteIncoming" = true, "version" = "version" + 1 WHERE "id" = $1', [ims.id]);
      await client.query('DELETE FROM "RoutingEntry" WHERE "serviceId" = $1', [ims.id]);
      await client.query(
        'INSERT INTO "RoutingEntry" ("serviceId", "sentTo", "routeTo") SELECT $1, s, r FROM unnest($2::text[], $3::text[]) AS v(s, r)',
        [ims.id, ROUTES.map((route) => route.sentTo), ROUTES.map((route) => route.routeTo)],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    // As autovacuum would shortly after a bulk load: the planner's statistics and the visibility map.
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  return proxies;
}
