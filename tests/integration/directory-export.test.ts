// Tools → Directory Export on a real, migrated SQLite file: the data function through its schema,
// and GET /api/v1/directory/export called directly. Every test makes its own recipients under a
// unique name and filters on it (q), so the tests do not see each other's data.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as exportRoute from '@/app/api/v1/directory/export/route';
import { db } from '@/lib/server/db';
import { exportDirectory } from '@/lib/server/directory-export/export-directory';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { directoryExportQuerySchema, parseDirectoryExportParams } from '@/lib/validation/directory-export';
import { createRecipientSchema } from '@/lib/validation/recipient';
import { makeMailbox, uniqueName } from '../factories';
import { authHeader, call, expectErrorShape } from './helpers/api';

const HEADER = 'Obj-Class,Directory Name,First Name,Last Name,Initials,Display Name,Alias Name,E-mail Address,Proxy-Addresses,Members';

const run = (query: Record<string, string>) => exportDirectory(directoryExportQuerySchema.parse(query));
const create = (input: Record<string, unknown>) => createRecipient(createRecipientSchema.parse(input));
const get = (query?: string | Record<string, string>) => call(exportRoute.GET, { path: '/api/v1/directory/export', query });

/** The file's lines (CRLF line ends, the last one terminated). */
function lines(result: Awaited<ReturnType<typeof run>>): string[] {
  if (!result.ok) throw new Error(`export refused: ${JSON.stringify(result.problems)}`);
  expect(result.text.endsWith('\r\n')).toBe(true);
  return result.text.slice(0, -2).split('\r\n');
}

const address = (r: RecipientDetail, type: string) => r.proxyAddresses.find((p) => p.type === type && p.primary)!.address;

describe('[DIRECTORY EXPORT] the file', () => {
  test('default columns: the header and a mailbox written as Q155594 reads it, blank names as empty fields', async () => {
    const tag = uniqueName('exa');
    const mark = await makeMailbox({ alias: `${tag}m`, displayName: 'Clark, Mark', firstName: 'Mark', initials: 'R', lastName: 'Clark' });
    const bare = await makeMailbox({ alias: `${tag}z`, displayName: `Bare ${tag}` });

    const result = await run({ q: tag });
    expect(result).toMatchObject({ ok: true, site: 'REDMOND', count: 2 });
    expect(lines(result)).toEqual([
      HEADER,
      `Mailbox,${tag}m,Mark,Clark,R,"Clark, Mark",${tag}m,,X400:${address(mark, 'X400')}%MS:${address(mark, 'MS')}%SMTP:${tag}m@adatum.com,`,
      `Mailbox,${tag}z,,,,Bare ${tag},${tag}z,,X400:${address(bare, 'X400')}%MS:${address(bare, 'MS')}%SMTP:${tag}z@adatum.com,`,
    ]);
  });

  test('chosen columns, by header name or key in any case, are written in the order given; an empty list writes only the key', async () => {
    const tag = uniqueName('exb');
    await makeMailbox({ alias: tag, displayName: `Chosen ${tag}`, firstName: 'Ann' });

    expect(lines(await run({ q: tag, columns: 'display name, FIRSTNAME,Alias Name' }))).toEqual([
      'Obj-Class,Directory Name,Display Name,First Name,Alias Name',
      `Mailbox,${tag},Chosen ${tag},Ann,${tag}`,
    ]);
    // Obj-Class and Directory Name are always written; naming them changes nothing.
    expect(lines(await run({ q: tag, columns: '' }))).toEqual(['Obj-Class,Directory Name', `Mailbox,${tag}`]);
    expect(lines(await run({ q: tag, columns: 'Obj-Class,Directory Name,Alias Name' }))).toEqual(['Obj-Class,Directory Name,Alias Name', `Mailbox,${tag},${tag}`]);
  });

  test("a custom recipient's target is its E-mail Address; a list's members are written by directory name, also from another site", async () => {
    const tag = uniqueName('exc');
    const custom = await create({ kind: 'custom', alias: `${tag}c`, displayName: `Partner ${tag}`, targetAddress: `SMTP:${tag}@partner.example` });
    const member = await makeMailbox({ alias: `${tag}b`, displayName: `Member ${tag}` });
    const site = await db.site.create({ data: { name: uniqueName('SEATTLE'), organizationId: (await db.organization.findFirstOrThrow()).id }, select: { name: true } });
    const remote = await create({ kind: 'mailbox', site: site.name, alias: `${tag}r`, directoryName: `${tag}a-remote`, displayName: `Remote ${tag}` });
    await create({ kind: 'dl', alias: `${tag}l`, displayName: `List ${tag}`, members: [member.directoryName, custom.directoryName, remote.directoryName] });

    const text = lines(await run({ q: tag, columns: 'targetAddress,members' }));
    expect(text).toEqual([
      'Obj-Class,Directory Name,E-mail Address,Members',
      `Mailbox,${tag}b,,`,
      `Remote,${tag}c,SMTP:${tag}@partner.example,`,
      // The remote mailbox is in the other site's container, not in this export; as a member it is named.
      `dl,${tag}l,,${tag}a-remote%${tag}b%${tag}c`,
    ]);
    // The other site exports its own container.
    expect(lines(await run({ site: site.name.toLowerCase(), q: tag, columns: 'alias' }))).toEqual(['Obj-Class,Directory Name,Alias Name', `Mailbox,${tag}a-remote,${tag}r`]);
  });

  test('kind and q filter as the Recipients list does: kinds, display name contains, an address prefix; no match gives the header alone', async () => {
    const tag = uniqueName('exd');
    await makeMailbox({ alias: `${tag}m`, displayName: `Mailbox ${tag}` });
    await create({ kind: 'custom', alias: `${tag}c`, displayName: `Custom ${tag}`, targetAddress: `SMTP:${tag}x@partner.example` });
    await create({ kind: 'dl', alias: `${tag}l`, displayName: `List ${tag}` });
    const names = async (query: Record<string, string>) => lines(await run({ columns: '', ...query })).slice(1).map((line) => line.split(',')[1]);

    expect(await names({ q: tag })).toEqual([`${tag}c`, `${tag}l`, `${tag}m`]);
    expect(await names({ q: tag, kind: 'mailbox' })).toEqual([`${tag}m`]);
    expect(await names({ q: tag, kind: 'dl, custom' })).toEqual([`${tag}c`, `${tag}l`]);
    expect(await names({ q: `Custom ${tag}` })).toEqual([`${tag}c`]);
    // The start of a proxy address, as in the list: the custom recipient's target is one of its addresses.
    expect(await names({ q: `${tag}x@partner` })).toEqual([`${tag}c`]);
    expect(await names({ q: `smtp:${tag}m@adatum.com` })).toEqual([`${tag}m`]);

    const none = await run({ q: `${tag}-nobody` });
    expect(none).toEqual({ ok: true, site: 'REDMOND', count: 0, text: `${HEADER}\r\n` });
  });

  test("proxy addresses in the E-mail Addresses tab's order: X.400, MS, SMTP, other types; the reply address first, then by address; the same bytes every time", async () => {
    const tag = uniqueName('exe');
    const mailbox = await makeMailbox({ alias: tag, displayName: `Order ${tag}` });
    // Added out of order, and a new reply address: the file's order does not follow the order of entry.
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${tag}.zulu@domain2.com` });
    await addProxyAddress(mailbox.id, { type: 'NOTES', address: `${tag}/ADATUM` });
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${tag}.alpha@domain2.com` });
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${tag}.reply@domain3.com`, primary: true });

    const first = await run({ q: tag, columns: 'proxyAddresses' });
    expect(lines(first)[1].split(',')[2].split('%')).toEqual([
      `X400:${address(mailbox, 'X400')}`,
      `MS:${address(mailbox, 'MS')}`,
      `SMTP:${tag}.reply@domain3.com`,
      `smtp:${tag}.alpha@domain2.com`,
      `smtp:${tag}.zulu@domain2.com`,
      `smtp:${tag}@adatum.com`,
      `NOTES:${tag}/ADATUM`,
    ]);
    // Secondary-Proxy-Addresses: the same order without the reply addresses.
    expect(lines(await run({ q: tag, columns: 'Secondary-Proxy-Addresses' }))[1].split(',')[2].split('%')).toEqual([
      `smtp:${tag}.alpha@domain2.com`,
      `smtp:${tag}.zulu@domain2.com`,
      `smtp:${tag}@adatum.com`,
    ]);
    expect(await run({ q: tag, columns: 'proxyAddresses' })).toEqual(first);
  });

  test("a value that cannot be written ('%' in an address, ~DEL) refuses the whole export, naming each value", async () => {
    const tag = uniqueName('exf');
    const mailbox = await makeMailbox({ alias: tag, displayName: `Percent ${tag}` });
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${tag}%relay@domain2.com` });
    await makeMailbox({ alias: `${tag}d`, displayName: '~DEL', directoryName: `${tag}d` });
    await makeMailbox({ alias: `${tag}ok`, displayName: `Fine ${tag}` });

    const result = await run({ q: tag });
    expect(result).toMatchObject({ ok: false, count: 3, problemCount: 2 });
    expect(result.ok || result.problems).toEqual([
      { directoryName: tag, column: 'Proxy-Addresses', value: `smtp:${tag}%relay@domain2.com`, reason: expect.stringContaining("contains '%'") },
      { directoryName: `${tag}d`, column: 'Display Name', value: '~DEL', reason: expect.stringContaining('~DEL') },
    ]);
    // Without the columns holding them, the file can be written.
    expect(lines(await run({ q: tag, columns: 'alias' }))).toHaveLength(4);
  });

  test('more recipients than one read holds: every one once, in directory-name order, one header', async () => {
    const tag = uniqueName('exg');
    const site = await db.site.findFirstOrThrow({ where: { name: 'REDMOND' }, select: { id: true } });
    const total = 4_321;
    // Inserted directly: the point is the chunked read, not recipient creation. Ids run opposite to names.
    await db.recipient.createMany({
      data: Array.from({ length: total }, (_, i) => {
        const name = `${tag}-${String(total - i).padStart(5, '0')}`;
        return { siteId: site.id, kind: 'mailbox', directoryName: name, alias: name, displayName: name, displayNameKey: name.toLowerCase(), aliasKey: name.toLowerCase() };
      }),
    });
    const result = await run({ q: tag, columns: '' });
    expect(result).toMatchObject({ ok: true, count: total });
    const rows = lines(result);
    expect(rows[0]).toBe('Obj-Class,Directory Name');
    expect(rows.slice(1)).toEqual(Array.from({ length: total }, (_, i) => `Mailbox,${tag}-${String(i + 1).padStart(5, '0')}`));
  });
});

describe('[DIRECTORY EXPORT] inputs', () => {
  test('the schema: defaults, kinds in Exchange order, and each bad input refused with a message naming it', () => {
    expect(directoryExportQuerySchema.parse({})).toEqual({
      columns: ['firstName', 'lastName', 'initials', 'displayName', 'alias', 'targetAddress', 'proxyAddresses', 'members'],
    });
    expect(directoryExportQuerySchema.parse({ kind: 'dl,mailbox,dl', columns: 'E-mail Addresses' })).toEqual({ kind: ['mailbox', 'dl'], columns: ['proxyAddresses'] });

    const message = (input: Record<string, unknown>) => {
      const parsed = directoryExportQuerySchema.safeParse(input);
      expect(parsed.success).toBe(false);
      return parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    };
    expect(message({ columns: 'First Name,Phone,Title' })).toMatch(/^columns: These columns are not written by Directory Export: 'Phone', 'Title'\. Choose from First Name, .*Members/);
    expect(message({ columns: 'Mode' })).toMatch(/'Mode'/);
    expect(message({ kind: 'mailbox,user' })).toMatch(/^kind: .*'mailbox,user' is not\./);
    expect(message({ kind: '' })).toMatch(/^kind: /);
    expect(message({ q: 'x'.repeat(257) })).toMatch(/^q: q can be at most 256 characters\./);
    expect(message({ sort: 'alias' })).toMatch(/sort/);
  });

  test("the window's URL is read leniently: a bad value falls back to its default", () => {
    expect(parseDirectoryExportParams({ kind: ['dl', 'custom'], q: 'bob', columns: 'Members,alias' })).toEqual({ kinds: ['custom', 'dl'], q: 'bob', columns: ['alias', 'members'] });
    expect(parseDirectoryExportParams({ kind: 'nobody', q: 'x'.repeat(300), columns: 'Phone' })).toEqual({
      kinds: ['mailbox', 'custom', 'dl'],
      q: '',
      columns: ['firstName', 'lastName', 'initials', 'displayName', 'alias', 'targetAddress', 'proxyAddresses', 'members'],
    });
  });
});

describe('[DIRECTORY EXPORT] GET /api/v1/directory/export', () => {
  test('200: the file as an attachment named after the site', async () => {
    const tag = uniqueName('exh');
    await makeMailbox({ alias: tag, displayName: `Api ${tag}` });
    const response = await exportRoute.GET(
      new (await import('next/server')).NextRequest(`http://localhost/api/v1/directory/export?site=redmond&q=${tag}&columns=alias`, { headers: authHeader() }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="REDMOND.csv"');
    expect(response.headers.get('x-recipient-count')).toBe('1');
    expect(await response.text()).toBe(`Obj-Class,Directory Name,Alias Name\r\nMailbox,${tag},${tag}\r\n`);
  });

  test("422 naming each value that cannot be written, in the one error shape plus the problems", async () => {
    const tag = uniqueName('exi');
    const mailbox = await makeMailbox({ alias: tag, displayName: `Api ${tag}` });
    await addProxyAddress(mailbox.id, { type: 'SMTP', address: `${tag}%hop@domain2.com` });
    const result = await get({ q: tag });
    expect(result.status).toBe(422);
    expect(result.contentType).toMatch(/application\/json/);
    expect(result.body).toEqual({
      error: { code: 'invalid_input', message: `1 value cannot be written to an export file; the first: ${tag}, Proxy-Addresses: 'smtp:${tag}%hop@domain2.com' contains '%', which separates the values of a multi-valued attribute and cannot be escaped in an export file.` },
      problems: [{ directoryName: tag, column: 'Proxy-Addresses', value: `smtp:${tag}%hop@domain2.com`, reason: expect.stringContaining("contains '%'") }],
      problemCount: 1,
    });
  });

  test('any query: a file, a 422 or a 404, never a 500', async () => {
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('mailbox', 'dl,custom', 'First Name,members', 'REDMOND', '%', '~DEL', '__proto__', ''));
    const key = fc.constantFrom('site', 'kind', 'q', 'columns', 'Columns', 'constructor', 'mode');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, value, { maxKeys: 4 }), async (query) => {
        const result = await get(query);
        expect([200, 404, 422], JSON.stringify({ query, body: result.body })).toContain(result.status);
        if (result.status !== 200 && !Array.isArray(result.body.problems)) expectErrorShape(result, result.status as 404 | 422);
      }),
      { numRuns: 150 },
    );
  });

  test('bad parameters are 422 naming them; an unknown site is 404', async () => {
    expect(expectErrorShape(await get({ column: 'alias' }), 422).message).toMatch(/column/);
    expect(expectErrorShape(await get({ columns: 'alias,Phone' }), 422).fields).toEqual({ columns: expect.stringContaining("'Phone'") });
    expect(expectErrorShape(await get({ kind: 'mailboxes' }), 422).fields).toEqual({ kind: expect.stringContaining("'mailboxes'") });
    expect(expectErrorShape(await get({ site: 'NOWHERE' }), 404).message).toBe("There is no site named 'NOWHERE'.");
  });
});
