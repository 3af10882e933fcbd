// The Internet Mail Service, the MS Mail Connector and the routing preview on a real SQLite
// file, through the route handlers: saving the Routing tab (validated as the dialogs are), the
// preview and batch answers, routing health, and a snapshot that never goes stale.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { POST as previewPost } from '@/app/api/v1/routing/preview/route';
import { POST as batchPost } from '@/app/api/v1/routing/preview/batch/route';
import { GET as imsGet, PUT as imsPut } from '@/app/api/v1/sites/[site]/internet-mail-service/route';
import { GET as connectorGet, PUT as connectorPut } from '@/app/api/v1/sites/[site]/msmail-connector/route';
import { GET as healthGet } from '@/app/api/v1/sites/[site]/routing-health/route';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { db } from '@/lib/server/db';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { deleteRecipient } from '@/lib/server/recipients/delete-recipient';
import { makeMailbox, uniqueName } from '../factories';
import { call, expectErrorShape } from './helpers/api';

const site = { site: 'REDMOND' };
const Q307628 = [
  { sentTo: 'adatum.com', routeTo: 'inbound' },
  { sentTo: 'cpandl.net', routeTo: 'adatum.com' },
  { sentTo: 'cpandl.org', routeTo: 'adatum.com' },
  { sentTo: 'internal.adatum.com', routeTo: 'adatum.com' },
];

const putIms = (body: Record<string, unknown>) =>
  call(imsPut, { method: 'PUT', params: site, body: { hostName: 'mail.adatum.com', administrator: 'Administrator', rerouteIncoming: true, routes: Q307628, ...body } });
const preview = (address: string, origin = 'internet', extra: Record<string, unknown> = {}) =>
  call(previewPost, { method: 'POST', body: { address, origin, ...extra } });
const putConnector = (body: unknown) => call(connectorPut, { method: 'PUT', params: site, body });

let imsDefault: unknown;
let connectorDefault: unknown;
beforeAll(async () => {
  imsDefault = (await call(imsGet, { params: site })).body;
  connectorDefault = (await call(connectorGet, { params: site })).body;
});
afterEach(async () => {
  const ims = imsDefault as { hostName: string; administrator: string | null; rerouteIncoming: boolean; routes: unknown[] };
  await putIms({ hostName: ims.hostName, administrator: ims.administrator, rerouteIncoming: ims.rerouteIncoming, routes: ims.routes });
  const connector = connectorDefault as { postoffice: string; postoffices: unknown[] };
  await putConnector({ postoffice: connector.postoffice, postoffices: connector.postoffices });
});

describe('Internet Mail Service', () => {
  test("a new site's service: mail.<site domain>, the Administrator's mailbox, no rerouting", () => {
    expect(imsDefault).toMatchObject({
      site: 'REDMOND',
      siteSmtpDomain: 'adatum.com',
      hostName: 'mail.adatum.com',
      administrator: 'Administrator',
      rerouteIncoming: false,
      routes: [],
    });
  });

  test("Q307628's table is saved and read back in its order", async () => {
    expect((await putIms({})).status).toBe(200);
    const { body } = await call(imsGet, { params: site });
    expect(body.routes).toEqual(Q307628);
    expect(body.rerouteIncoming).toBe(true);
  });

  test('turning rerouting on puts the site SMTP domain in the table as inbound (Q174351)', async () => {
    const { status, body } = await putIms({ routes: [{ sentTo: 'domain2.com', routeTo: 'inbound' }] });
    expect(status).toBe(200);
    expect(body.routes).toEqual([
      { sentTo: 'adatum.com', routeTo: 'inbound' },
      { sentTo: 'domain2.com', routeTo: 'inbound' },
    ]);
  });

  test('Sent to and Route to are stored lower-case; `#` is kept', async () => {
    const { body } = await putIms({ routes: [{ sentTo: ' #Microsoft.COM ', routeTo: 'INBOUND' }, { sentTo: 'CPANDL.net', routeTo: 'Adatum.com' }] });
    expect(body.routes).toContainEqual({ sentTo: '#microsoft.com', routeTo: 'inbound' });
    expect(body.routes).toContainEqual({ sentTo: 'cpandl.net', routeTo: 'adatum.com' });
  });

  test.each([
    ['a duplicate Sent to (case differs)', [{ sentTo: 'cpandl.net', routeTo: 'adatum.com' }, { sentTo: 'CPANDL.NET', routeTo: 'inbound' }], 'routes.1.sentTo', /already has an entry for cpandl\.net/],
    ['a domain with an empty label', [{ sentTo: 'cpandl..net', routeTo: 'inbound' }], 'routes.0.sentTo', /empty label/],
    ['an address instead of a domain', [{ sentTo: 'bob@cpandl.net', routeTo: 'inbound' }], 'routes.0.sentTo', /not an address/],
    ['`#` in Route to', [{ sentTo: 'cpandl.net', routeTo: '#adatum.com' }], 'routes.0.routeTo', /'#' belongs only/],
    ['rerouting the site SMTP domain', [{ sentTo: 'adatum.com', routeTo: 'cpandl.net' }], 'routes.0.routeTo', /always accepted as inbound/],
  ])('%s is refused with a message naming the field, and nothing is saved', async (_name, routes, field, message) => {
    const result = await putIms({ routes });
    expectErrorShape(result, 422);
    expect(result.body.error.fields[field]).toMatch(message);
    expect((await call(imsGet, { params: site })).body.routes).toEqual([]);
  });

  test("an administrator's mailbox that does not exist is refused", async () => {
    const result = await putIms({ administrator: 'Nobody' });
    expectErrorShape(result, 422);
    expect(result.body.error.fields.administrator).toMatch(/no recipient with the directory name 'Nobody'/);
  });

  test('a rewrite loop is saved only after the warning, which names the loop', async () => {
    const loop = [{ sentTo: 'cpandl.net', routeTo: 'cpandl.org' }, { sentTo: 'cpandl.org', routeTo: 'cpandl.net' }];
    const refused = await putIms({ routes: loop });
    expectErrorShape(refused, 422);
    expect(refused.body.error.message).toContain('cpandl.net → cpandl.org → cpandl.net');
    expect((await call(imsGet, { params: site })).body.routes).toEqual([]);
    const saved = await putIms({ routes: loop, confirmLoops: true });
    expect(saved.status).toBe(200);
    expect(saved.body.warnings).toEqual(['cpandl.net → cpandl.org → cpandl.net']);
    const answer = await preview('administrator@cpandl.net');
    expect(answer.body).toMatchObject({ verdict: 'ndr', ndr: { code: '5.4.6' } });
  });

  test('malformed bodies answer 422, never 500', async () => {
    for (const body of ['{', [], { hostName: 'mail.adatum.com' }, { hostName: 5, administrator: null, rerouteIncoming: true, routes: [] }, { hostName: 'mail.adatum.com', administrator: null, rerouteIncoming: 'yes', routes: [] }, { hostName: 'mail.adatum.com', administrator: null, rerouteIncoming: true, routes: [{ sentTo: 'a.com' }] }, { hostName: 'mail.adatum.com', administrator: null, rerouteIncoming: true, routes: [], extra: 1 }]) {
      expectErrorShape(await call(imsPut, { method: 'PUT', params: site, body }), 422);
    }
  });

  test('an unknown site answers 404', async () => {
    expectErrorShape(await call(imsGet, { params: { site: 'NOWHERE' } }), 404);
  });

  test("deleting the administrator's mailbox clears it, and routing health says so", async () => {
    const admin = await makeMailbox();
    await putIms({ administrator: admin.directoryName });
    await deleteRecipient(admin.id);
    expect((await call(imsGet, { params: site })).body.administrator).toBeNull();
    const health = await call(healthGet, { params: site });
    expect(health.body.problems.map((p: { code: string }) => p.code)).toContain('no-administrator');
    expect((await preview('postmaster@adatum.com')).body).toMatchObject({ verdict: 'ndr', ndr: { code: '5.1.1' } });
  });
});

describe('MS Mail Connector', () => {
  test('its own postoffice comes from Site Addressing; postoffices are saved upper-case', async () => {
    expect(connectorDefault).toMatchObject({ postoffice: 'ADATUM/REDMOND', postoffices: [] });
    const { status, body } = await putConnector({ postoffice: 'adatum/redmond', postoffices: [{ network: 'oldnet', postoffice: 'oldpo', connection: 'indirect' }, { network: 'FINNET', postoffice: 'PO1', connection: 'direct' }] });
    expect(status).toBe(200);
    expect(body.postoffice).toBe('ADATUM/REDMOND');
    expect(body.postoffices).toEqual([
      { network: 'FINNET', postoffice: 'PO1', connection: 'direct' },
      { network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' },
    ]);
  });

  test.each([
    ['its own postoffice listed', { postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'adatum', postoffice: 'redmond', connection: 'direct' }] }, 'postoffices.0.postoffice'],
    ['a postoffice listed twice', { postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'A', postoffice: 'B', connection: 'direct' }, { network: 'a', postoffice: 'b', connection: 'indirect' }] }, 'postoffices.1.postoffice'],
    ['a name longer than 10', { postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'ELEVENCHARS', postoffice: 'B', connection: 'direct' }] }, 'postoffices.0.network'],
    ['a connection that is neither', { postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'A', postoffice: 'B', connection: 'gateway' }] }, 'postoffices.0.connection'],
    ['a postoffice without a network', { postoffice: 'REDMOND', postoffices: [] }, 'postoffice'],
  ])('%s is refused', async (_name, body, field) => {
    const result = await putConnector(body);
    expectErrorShape(result, 422);
    expect(Object.keys(result.body.error.fields)).toContain(field);
  });
});

describe('routing preview API', () => {
  test("Q307628: administrator@cpandl.net is rewritten and delivered to the Administrator", async () => {
    await putIms({});
    const { status, body } = await preview('administrator@cpandl.net');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      verdict: 'delivered',
      finalAddress: 'administrator@adatum.com',
      recipient: { directoryName: 'Administrator', displayName: 'Administrator' },
      // The Administrator's reply address as Site Addressing generated it, from the alias.
      replyAddress: 'Administrator@adatum.com',
      ndr: null,
    });
    const rewrite = body.steps.find((s: { rule: string }) => s.rule === 'reroute.rewrite');
    expect(rewrite).toMatchObject({ article: 'Q307628', object: { kind: 'routing-entry', sentTo: 'cpandl.net', routeTo: 'adatum.com' } });
  });

  test('Q156545: an indirect postoffice works from MS Mail and gives Exchange users an NDR', async () => {
    const bob = await makeMailbox({ alias: uniqueName('bob') });
    const mailbox = uniqueName('B').slice(0, 10).toUpperCase();
    await addProxyAddress(bob.id, { type: 'MS', address: `OLDNET/OLDPO/${mailbox}` });
    await putConnector({ postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'OLDNET', postoffice: 'OLDPO', connection: 'indirect' }] });
    const fromMsMail = await preview(`MS:OLDNET/OLDPO/${mailbox}`, 'msmail');
    expect(fromMsMail.body).toMatchObject({ verdict: 'delivered', recipient: { id: bob.id } });
    const fromExchange = await preview(`MS:OLDNET/OLDPO/${mailbox}`, 'exchange');
    expect(fromExchange.body).toMatchObject({ verdict: 'ndr', recipient: null });
    expect(fromExchange.body.steps.at(-1)).toMatchObject({ rule: 'msmail.indirect', article: 'Q156545' });
  });

  test('an address added a moment ago is found: the snapshot follows every write', async () => {
    await putIms({ routes: [{ sentTo: 'domain2.com', routeTo: 'inbound' }] });
    const mailbox = await makeMailbox();
    const address = `${mailbox.alias}@domain2.com`;
    expect((await preview(address)).body.verdict).toBe('ndr');
    await addProxyAddress(mailbox.id, { type: 'SMTP', address });
    expect((await preview(address)).body).toMatchObject({ verdict: 'delivered', recipient: { id: mailbox.id } });
  });

  test('a change made by another process (another connection) is seen too', async () => {
    await putIms({ routes: [{ sentTo: 'domain2.com', routeTo: 'inbound' }] });
    const mailbox = await makeMailbox();
    const address = `${mailbox.alias}@domain2.com`;
    expect((await preview(address)).body.verdict).toBe('ndr');
    // As every writer of the app does (Directory Import's too): the address, and its recipient's
    // row in the same transaction — the Recipient triggers raise the directory's generation.
    await writeFromAnotherConnection(mailbox.id, address);
    expect((await preview(address)).body).toMatchObject({ verdict: 'delivered', recipient: { id: mailbox.id } });
  });

  test('every write to the directory or the configuration raises the routing generation', async () => {
    // Row 1 follows the directory, row 2 the configuration (a configuration change only recompiles).
    const generation = async (id: 1 | 2) => (await db.routingGeneration.findUniqueOrThrow({ where: { id } })).value;
    const before = { directory: await generation(1), configuration: await generation(2) };
    const mailbox = await makeMailbox();
    expect(await generation(1)).toBeGreaterThan(before.directory);
    expect(await generation(2)).toBe(before.configuration);
    const afterCreate = await generation(1);
    await putConnector({ postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'X', postoffice: 'Y', connection: 'direct' }] });
    expect(await generation(2)).toBeGreaterThan(before.configuration);
    expect(await generation(1)).toBe(afterCreate);
    await deleteRecipient(mailbox.id);
    expect(await generation(1)).toBeGreaterThan(afterCreate);
  });

  test.each([
    [{ address: '', origin: 'internet' }, 'address', /Type an address/],
    [{ address: 'bob@@adatum.com', origin: 'internet' }, 'address', /./],
    [{ address: 'ADATUM/REDMOND/BOB', origin: 'exchange' }, 'address', /write a Microsoft Mail address as MS:ADATUM\/REDMOND\/BOB/],
    [{ address: 'MS:ADATUM/REDMOND/BOB', origin: 'internet' }, 'origin', /only address SMTP mail/],
    [{ address: 'bob@adatum.com', origin: 'msmail' }, 'origin', /outside what the preview models/],
    [{ address: 'bob@adatum.com', origin: 'pigeon' }, 'origin', /internet", "exchange" or "msmail/],
    [{ address: 5, origin: 'internet' }, 'address', /must be text/],
  ])('%j is refused, naming the field', async (body, field, message) => {
    const result = await call(previewPost, { method: 'POST', body });
    expectErrorShape(result, 422);
    expect(result.body.error.fields[field]).toMatch(message);
  });

  test('an unknown site answers 404', async () => {
    expectErrorShape(await preview('bob@adatum.com', 'internet', { site: 'NOWHERE' }), 404);
  });

  test('the batch answers in the order asked, with an error in place of an item it cannot judge', async () => {
    await putIms({});
    const { status, body } = await call(batchPost, {
      method: 'POST',
      body: {
        items: [
          { address: 'administrator@cpandl.org', origin: 'internet' },
          { address: 'not an address', origin: 'internet' },
          { address: 'nobody@adatum.com', origin: 'internet' },
          { address: 'someone@elsewhere.example', origin: 'exchange' },
          { address: 'someone@elsewhere.example', origin: 'internet' },
          { address: 'x@adatum.com', origin: 'internet', site: 'NOWHERE' },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body.results.map((r: { verdict?: string; error?: { code: string } }) => r.verdict ?? r.error?.code)).toEqual([
      'delivered',
      'invalid_input',
      'ndr',
      'sent-to-internet',
      'rejected',
      'not_found',
    ]);
    expect(body.results[2].ndr).toEqual({ code: '5.1.1', text: 'The recipient name is not recognized', diagnostic: 'MSEXCH:IMS:ADATUM:REDMOND:MAIL 0 (000C05A6) Unknown Recipient' });
  });

  test('"steps": false leaves the steps out and nothing else', async () => {
    await putIms({});
    const items = [{ address: 'administrator@cpandl.net', origin: 'internet' }, { address: 'x', origin: 'internet' }];
    const full = (await call(batchPost, { method: 'POST', body: { items } })).body.results;
    const { status, body } = await call(batchPost, { method: 'POST', body: { items, steps: false } });
    expect(status).toBe(200);
    const { steps, ...rest } = full[0];
    expect(steps.length).toBeGreaterThan(0);
    expect(body.results).toEqual([rest, full[1]]);
  });

  test('a configuration change is seen at once, the directory kept', async () => {
    const mailbox = await makeMailbox();
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@cpandl.net` });
    await putIms({ routes: [{ sentTo: 'cpandl.net', routeTo: 'inbound' }] });
    expect((await preview(`${mailbox.alias}@cpandl.net`)).body).toMatchObject({ verdict: 'delivered', recipient: { id: mailbox.id } });
    await putIms({ routes: [{ sentTo: 'cpandl.net', routeTo: 'adatum.com' }] });
    const rewritten = (await preview(`${mailbox.alias}@cpandl.net`)).body;
    expect(rewritten).toMatchObject({ verdict: 'delivered', finalAddress: `${mailbox.alias}@adatum.com` });
    expect(rewritten.steps.map((step: { rule: string }) => step.rule)).toContain('reroute.rewrite');
  });

  test('a batch must hold 1 to 10,000 items', async () => {
    expectErrorShape(await call(batchPost, { method: 'POST', body: { items: [] } }), 422);
    const tooMany = Array.from({ length: 10_001 }, () => ({ address: 'a@adatum.com', origin: 'internet' }));
    const result = await call(batchPost, { method: 'POST', body: { items: tooMany } });
    expectErrorShape(result, 422);
    expect(result.body.error.message).toMatch(/at most 10,000/);
  });
});

describe('routing health', () => {
  test('a hosted domain without a postmaster holder is reported until someone holds it (Q242387)', async () => {
    await putIms({ routes: [{ sentTo: 'fabrikam.com', routeTo: 'inbound' }] });
    const codes = async () => (await call(healthGet, { params: site })).body.problems.map((p: { code: string; message: string }) => `${p.code}: ${p.message}`);
    expect(await codes()).toContainEqual(expect.stringMatching(/^postmaster-missing: .*postmaster@fabrikam\.com/));
    const holder = await makeMailbox();
    await addProxyAddress(holder.id, { type: 'SMTP', address: 'postmaster@fabrikam.com' });
    expect((await codes()).some((c: string) => c.startsWith('postmaster-missing'))).toBe(false);
    await db.proxyAddress.deleteMany({ where: { uniqueKey: proxyUniqueKey('SMTP', 'postmaster@fabrikam.com') } });
  });

  test('a secondary address in a domain the table does not accept is reported, with its holder', async () => {
    const holder = await makeMailbox();
    const address = `${holder.alias}@unrouted.example`;
    await addProxyAddress(holder.id, { type: 'SMTP', address });
    await putIms({});
    const { body } = await call(healthGet, { params: site });
    const problem = body.problems.find((p: { code: string; message: string }) => p.code === 'address-not-accepted' && p.message.includes('unrouted.example'));
    expect(problem).toMatchObject({ count: 1, examples: [{ recipientId: holder.id, address }] });
    expect((await preview(address)).body.verdict).toBe('rejected');
    await putIms({ routes: [...Q307628, { sentTo: 'unrouted.example', routeTo: 'inbound' }] });
    const after = (await call(healthGet, { params: site })).body.problems;
    expect(after.some((p: { code: string; message: string }) => p.code === 'address-not-accepted' && p.message.includes('unrouted.example'))).toBe(false);
    // Now a hosted domain, it needs a postmaster holder (Q242387).
    expect(after.some((p: { code: string; message: string }) => p.code === 'postmaster-missing' && p.message.includes('postmaster@unrouted.example'))).toBe(true);
    await deleteRecipient(holder.id);
  });
});

/** Adds an SMTP address on a connection of its own, not the app's (another process or app instance). */
async function writeFromAnotherConnection(recipientId: number, address: string) {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith('file:')) {
    const other = new Database(url.replace(/^file:/, ''));
    try {
      other.transaction(() => {
        other
          .prepare('INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey") VALUES (?, ?, ?, ?, ?, ?)')
          .run(recipientId, 'SMTP', address, 0, proxyUniqueKey('SMTP', address), address.toLowerCase());
        other.prepare('UPDATE "Recipient" SET "version" = "version" + 1 WHERE "id" = ?').run(recipientId);
      })();
    } finally {
      other.close();
    }
    return;
  }
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query('INSERT INTO "ProxyAddress" ("recipientId", "type", "address", "primary", "uniqueKey", "addressKey") VALUES ($1, $2, $3, $4, $5, $6)', [
      recipientId,
      'SMTP',
      address,
      false,
      proxyUniqueKey('SMTP', address),
      address.toLowerCase(),
    ]);
    await other.query('UPDATE "Recipient" SET "version" = "version" + 1 WHERE "id" = $1', [recipientId]);
    await other.query('COMMIT');
  } finally {
    await other.end();
  }
}
