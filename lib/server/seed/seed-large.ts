import 'server-only';
// `npm run seed:large` (issue 6): a realistic large organisation on top of the one the console
// seeded: three sites (REDMOND and two more), 50 hosted domains accepted by REDMOND's Internet
// Mail Service, and for each site mailboxes (Site Addressing's SMTP, X.400 and MS addresses; every
// other one a secondary address in a hosted domain), custom recipients and distribution lists.
// The recipients go in through Directory Import — the console's own rules (uniqueness, Site
// Addressing, members) at its speed — one file per site.
import { stringify } from 'csv-stringify/sync';
import { defaultSiteAddressing } from '@/lib/core/site-addressing';
import type { ImportReport } from '@/lib/core/directory-import/report';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { db } from '@/lib/server/db';
import { importDirectory } from '@/lib/server/directory-import/import-directory';
import { getInternetMailService } from '@/lib/server/routing/get-internet-mail-service';
import { updateInternetMailService } from '@/lib/server/routing/update-internet-mail-service';

export const LARGE_SITES = [
  { name: 'REDMOND', domain: 'adatum.com' },
  { name: 'PARIS', domain: 'paris.adatum.com' },
  { name: 'TOKYO', domain: 'tokyo.adatum.com' },
] as const;
export const HOSTED_DOMAINS = 50;
export const hostedDomain = (n: number) => `h${String(n + 1).padStart(2, '0')}.hosted-adatum.example`;

const FIRST = ['Anne', 'Bob', 'Carlos', 'Dana', 'Erik', 'Fatima', 'Grace', 'Hiro', 'Ines', 'Jeff', 'Kim', 'Lars', 'Maria', 'Nikhil', 'Olga', 'Pat', 'Quinn', 'Rosa', 'Sam', 'Tariq', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yuki', 'Zoë'];
const LAST = ['Abercrombie', 'Berg', 'Clark', 'Duarte', 'Eriksson', 'Fischer', 'García', 'Hay', 'Ito', 'Jensen', 'Kelly', 'López', 'Meyer', 'Nakamura', 'Olsen', 'Park', 'Quist', 'Rossi', 'Svensson', 'Tanaka', 'Ueda', 'Virtanen', 'Weiler', 'Xu', 'Young', 'Zimmermann'];

export type LargeSeedResult = { sites: Array<{ site: string; report: ImportReport }>; recipients: number; seconds: number };

/** Creates a site with Site Addressing for its own SMTP domain, unless it exists. */
async function ensureSite(name: string, domain: string): Promise<void> {
  const organization = await db.organization.findFirstOrThrow({ select: { id: true, name: true } });
  if (await db.site.findUnique({ where: { name }, select: { id: true } })) return;
  await db.$transaction(async (tx) => {
    const site = await tx.site.create({
      data: { name, organizationId: organization.id, addressingRules: { create: defaultSiteAddressing(organization.name, name, domain) } },
      select: { id: true },
    });
    await recordAudit(tx, { action: 'site.create', objectType: 'site', objectId: site.id, objectName: name, siteId: site.id, after: { name, smtpDomain: domain } });
  });
}

/** One site's Directory Import file: `count` recipients, about 94% mailboxes, 4% custom recipients, 2% lists. */
export function largeSiteFile(siteIndex: number, count: number): string {
  const prefix = ['r', 'p', 't'][siteIndex] ?? `s${siteIndex}`;
  const rows: string[][] = [['Obj-Class', 'Directory Name', 'First Name', 'Last Name', 'Display Name', 'Alias Name', 'E-mail Address', 'Secondary-Proxy-Addresses', 'Members']];
  const mailboxes: string[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST[(i * 7 + siteIndex) % FIRST.length];
    const last = LAST[(i * 11 + siteIndex * 3) % LAST.length];
    const alias = `${prefix}${String(i).padStart(6, '0')}`;
    if (i % 50 === 49) {
      // A list of 10 to 49 members of this site.
      const size = 10 + (i % 40);
      const members = mailboxes.slice(-size);
      rows.push(['dl', alias, '', '', `List ${prefix.toUpperCase()} ${i}`, alias, '', '', members.join('%')]);
    } else if (i % 25 === 12) {
      rows.push(['Remote', alias, first, last, `${last}, ${first} (partner ${i})`, alias, `SMTP:${alias}@partner${i % 20}.example`, '', '']);
    } else {
      const secondary = i % 2 === 0 ? `smtp:${first.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()}.${alias}@${hostedDomain((i + siteIndex) % HOSTED_DOMAINS)}` : '';
      rows.push(['Mailbox', alias, first, last, `${last}, ${first} ${i}`, alias, '', secondary, '']);
      mailboxes.push(alias);
    }
  }
  return stringify(rows, { record_delimiter: 'windows' });
}

/**
 * Fills the organisation (it must exist: `npm start` or `npm run db:seed` first) with about
 * `total` recipients over three sites, and makes REDMOND's Internet Mail Service accept the
 * hosted domains. Refuses a site that already holds more than a handful of recipients, so it is
 * not run twice by mistake.
 */
export async function seedLarge(total = 100_000, log: (line: string) => void = () => {}): Promise<LargeSeedResult> {
  const started = performance.now();
  if ((await db.organization.count()) === 0) throw new Error('There is no organization yet: run `npm start` (or `npm run db:seed`) first.');
  for (const site of LARGE_SITES) await ensureSite(site.name, site.domain);
  for (const site of LARGE_SITES) {
    const held = await db.recipient.count({ where: { site: { name: site.name } } });
    if (held > 100) throw new Error(`Site ${site.name} already holds ${held} recipients: seed:large fills an organization once.`);
  }

  // Q263199 / Q174351: the hosted domains are inbound on REDMOND's Internet Mail Service.
  const ims = await getInternetMailService('REDMOND');
  const routes = [...ims.routes];
  const known = new Set(routes.map((r) => r.sentTo.toLowerCase()));
  for (let n = 0; n < HOSTED_DOMAINS; n++) if (!known.has(hostedDomain(n))) routes.push({ sentTo: hostedDomain(n), routeTo: 'inbound' });
  await updateInternetMailService('REDMOND', { hostName: ims.hostName, administrator: ims.administrator, rerouteIncoming: true, routes });

  const results: LargeSeedResult['sites'] = [];
  const perSite = Math.ceil(total / LARGE_SITES.length);
  for (const [index, site] of LARGE_SITES.entries()) {
    const report = await importDirectory(Buffer.from(largeSiteFile(index, perSite)), { site: site.name, overwrite: false, validateOnly: false, applyValid: false });
    if (report.problems.length > 0) throw new Error(`seed:large: the ${site.name} file has problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
    log(`${site.name}: ${report.message} (${(report.durationMs / 1000).toFixed(1)} s)`);
    results.push({ site: site.name, report });
  }
  return { sites: results, recipients: await db.recipient.count(), seconds: (performance.now() - started) / 1000 };
}
