// Builds data/bench.db from scratch: migrate deploy, the empty seed (ADATUM / REDMOND / Site
// Addressing / Administrator), then 100,000 mailboxes bulk-inserted with better-sqlite3 in one
// transaction, and the Internet Mail Service's Routing tab (rerouting on, dataset.ROUTES).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { proxyUniqueKey } from '../../lib/core/addresses';
import { lowerCaseKey } from '../../lib/core/search-keys';
import { checkRoutingTable, findRewriteLoops } from '../../lib/core/routing/routing-table';
import { root } from '../next-build.mjs';
import { MAILBOXES, ROUTES, SITE, SITE_DOMAIN, mailbox } from './dataset';

export const BENCH_DB_NAME = 'bench.db';
export const benchDbFile = () => path.join(root, 'data', BENCH_DB_NAME);
export const benchDatabaseUrl = `file:./data/${BENCH_DB_NAME}`;

export type BuildTimings = { migrateMs: number; seedMs: number; insertMs: number; totalMs: number; recipients: number; proxies: number; bytes: number };

function run(what: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  }
}

export function buildBenchDatabase(): BuildTimings {
  const started = performance.now();
  const file = benchDbFile();
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: benchDatabaseUrl, XADM_SEED: 'empty', NEXT_TELEMETRY_DISABLED: '1' };

  run('migrate deploy', ['--experimental-wasm-modules', '--no-warnings', path.join('scripts', 'migrate.mjs'), 'deploy'], env);
  const migrated = performance.now();

  // The seed runs through the app's own data layer, as `npm run db:seed` does.
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  run('seed (XADM_SEED=empty)', [tsxCli, '--conditions=react-server', path.join('prisma', 'seed.ts')], env);
  const seeded = performance.now();

  const routeProblem = checkRoutingTable(ROUTES, SITE_DOMAIN);
  if (routeProblem) throw new Error(`bench routing entry ${routeProblem.index + 1}: ${routeProblem.message}`);
  const loops = findRewriteLoops(ROUTES, SITE_DOMAIN);
  if (loops.length) throw new Error(`bench routing table has a loop: ${loops.join('; ')}`);

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
        insertProxy.run(id, 'SMTP', m.primarySmtp, 1, proxyUniqueKey('SMTP', m.primarySmtp), lowerCaseKey(m.primarySmtp));
        insertProxy.run(id, 'MS', m.ms, 1, proxyUniqueKey('MS', m.ms), lowerCaseKey(m.ms));
        insertProxy.run(id, 'SMTP', m.secondarySmtp, 0, proxyUniqueKey('SMTP', m.secondarySmtp), lowerCaseKey(m.secondarySmtp));
        proxies += 3;
      }
      db.prepare('UPDATE "InternetMailService" SET "rerouteIncoming" = 1, "version" = "version" + 1 WHERE "id" = ?').run(ims.id);
      db.prepare('DELETE FROM "RoutingEntry" WHERE "serviceId" = ?').run(ims.id);
      const insertRoute = db.prepare('INSERT INTO "RoutingEntry" ("serviceId", "sentTo", "routeTo") VALUES (?, ?, ?)');
      for (const route of ROUTES) insertRoute.run(ims.id, route.sentTo, route.routeTo);
    })();
  } finally {
    db.close();
  }
  const done = performance.now();
  const recipients = MAILBOXES + 1; // and the seeded Administrator
  return {
    migrateMs: migrated - started,
    seedMs: seeded - migrated,
    insertMs: done - seeded,
    totalMs: done - started,
    recipients,
    proxies,
    bytes: fs.statSync(file).size,
  };
}
