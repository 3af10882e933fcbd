// `npm run seed:large` (issue 6) at a small scale on a real database: three sites, the hosted
// domains inbound on REDMOND's Internet Mail Service, mailboxes with Site Addressing's addresses
// and secondary ones in hosted domains, custom recipients, lists with members; and it refuses a
// second run.
import { describe, expect, test } from 'vitest';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { db } from '@/lib/server/db';
import { previewRouting } from '@/lib/server/routing/preview-routing';
import { HOSTED_DOMAINS, LARGE_SITES, hostedDomain, largeSiteFile, seedLarge } from '@/lib/server/seed/seed-large';
import { parseImportFile } from '@/lib/core/directory-import/parse-import';

describe('[SEED LARGE]', () => {
  test('each site file reads without a problem', () => {
    for (const index of LARGE_SITES.keys()) expect(parseImportFile(largeSiteFile(index, 200)).problems).toEqual([]);
  });

  test('fills three sites through Directory Import, and will not run twice', async () => {
    const result = await seedLarge(300);
    expect(result.sites.map((s) => [s.site, s.report.counts.created])).toEqual(LARGE_SITES.map((s) => [s.name, 100]));
    const bySite = await db.recipient.groupBy({ by: ['siteId', 'kind'], _count: true });
    expect(new Set(bySite.map((row) => row.siteId)).size).toBe(3);
    expect(bySite.some((row) => row.kind === 'custom')).toBe(true);
    expect(await db.distributionListMember.count()).toBeGreaterThan(0);

    const paris = await db.recipient.findFirstOrThrow({ where: { directoryName: 'p000000' }, select: { proxyAddresses: { select: { type: true, address: true, primary: true } } } });
    expect(paris.proxyAddresses).toEqual(expect.arrayContaining([
      { type: 'SMTP', address: 'p000000@paris.adatum.com', primary: true },
      { type: 'MS', address: 'ADATUM/PARIS/P000000', primary: true },
    ]));
    const secondary = paris.proxyAddresses.find((p) => !p.primary)!;
    expect(secondary.address).toMatch(/@h\d\d\.hosted-adatum\.example$/);

    // The hosted domains are inbound: mail to the secondary address is delivered to its mailbox.
    const routes = await db.routingEntry.findMany({ select: { sentTo: true, routeTo: true } });
    for (let n = 0; n < HOSTED_DOMAINS; n++) expect(routes).toContainEqual({ sentTo: hostedDomain(n), routeTo: 'inbound' });
    expect(await previewRouting({ address: secondary.address, origin: 'internet', site: 'REDMOND' })).toMatchObject({ verdict: 'delivered', recipient: { directoryName: 'p000000' } });
    expect(await db.proxyAddress.findUnique({ where: { uniqueKey: proxyUniqueKey('SMTP', secondary.address) }, select: { id: true } })).not.toBeNull();

    await expect(seedLarge(300)).rejects.toThrow(/already holds/);
  }, 60_000);
});
