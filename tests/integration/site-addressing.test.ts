// Site Addressing on a real SQLite file: changing a generation rule, with and without "update
// all existing addresses in the site?" (Q153270), switching a type off, and refusing bad rules.
// Every test starts from the default rules (restored after each test) and makes its own people.
import { afterEach, describe, expect, test } from 'vitest';
import { GET, PUT } from '@/app/api/v1/sites/[site]/site-addressing/route';
import type { SiteAddressingRule } from '@/lib/core/site-addressing';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import type { RecipientDetail } from '@/lib/server/recipients/select';
import { getSiteAddressing } from '@/lib/server/site-addressing/get-site-addressing';
import { updateSiteAddressing } from '@/lib/server/site-addressing/update-site-addressing';
import { siteAddressingSchema } from '@/lib/validation/site-addressing';
import { makeMailbox, uniqueName } from '../factories';
import { call, expectErrorShape } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

const DEFAULT_RULES: SiteAddressingRule[] = [
  { type: 'SMTP', rule: '%m@adatum.com', enabled: true },
  { type: 'MS', rule: 'ADATUM/REDMOND', enabled: true },
  { type: 'X400', rule: 'c=US;a= ;p=ADATUM;o=REDMOND;', enabled: true },
  { type: 'CCMAIL', rule: 'at REDMOND', enabled: false },
];

const withRule = (type: SiteAddressingRule['type'], change: Partial<SiteAddressingRule>) =>
  DEFAULT_RULES.map((r) => (r.type === type ? { ...r, ...change } : r));

const save = (rules: SiteAddressingRule[], updateExisting?: boolean) =>
  updateSiteAddressing('REDMOND', siteAddressingSchema.parse({ rules, ...(updateExisting === undefined ? {} : { updateExisting }) }));

const smtpOf = (r: RecipientDetail) =>
  r.proxyAddresses.filter((p) => p.type === 'SMTP').map((p) => `${p.primary ? 'SMTP' : 'smtp'}:${p.address}`).sort();

/** A person with a unique first name, so %g.%s gives a unique address. */
const person = (lastName = 'Clark') => {
  const firstName = uniqueName('Mark');
  return { firstName, lastName, displayName: `${firstName} ${lastName}`, alias: uniqueName('mc') };
};

afterEach(async () => {
  await save(DEFAULT_RULES);
});

describe('[SITE ADDRESSING] read', () => {
  test('the seeded site has the default rules and the site SMTP domain', async () => {
    expect(await getSiteAddressing('REDMOND')).toEqual({ site: 'REDMOND', smtpDomain: 'adatum.com', rules: DEFAULT_RULES });
    expect(await getSiteAddressing()).toEqual(await getSiteAddressing('redmond'));
  });
});

describe('[SITE ADDRESSING] change a rule', () => {
  test('without updating existing addresses: existing recipients keep theirs, new ones use the new rule', async () => {
    const existing = await makeMailbox(person());
    const result = await save(withRule('SMTP', { rule: '%g.%s@adatum.com' }));
    expect(result).toMatchObject({ site: 'REDMOND', smtpDomain: 'adatum.com', updatedRecipients: 0 });
    expect(result.rules.find((r) => r.type === 'SMTP')).toEqual({ type: 'SMTP', rule: '%g.%s@adatum.com', enabled: true });

    expect(await getRecipient(existing.id)).toEqual(existing);
    const p = person();
    const fresh = await makeMailbox(p);
    expect(smtpOf(fresh)).toEqual([`SMTP:${p.firstName}.Clark@adatum.com`]);
  });

  test('Q153270: %g.%s with updating existing addresses: First.Last@ becomes the reply address, the old one stays secondary', async () => {
    const p = person('Weiler');
    const mailbox = await makeMailbox(p);
    const oldReply = `${p.alias}@adatum.com`;
    const customPerson = person('Contact');
    const custom = await createRecipient({ kind: 'custom', ...customPerson, targetAddress: `SMTP:${customPerson.alias}@partner.example` });
    const dl = await createRecipient({ kind: 'dl', alias: uniqueName('list'), displayName: uniqueName('List') });

    const result = await save(withRule('SMTP', { rule: '%g.%s@adatum.com' }), true);
    expect(result.updatedRecipients).toBeGreaterThanOrEqual(1);

    const after = await getRecipient(mailbox.id);
    expect(smtpOf(after)).toEqual([`SMTP:${p.firstName}.Weiler@adatum.com`, `smtp:${oldReply}`]);
    expect(after.version).toBe(mailbox.version + 1);
    // The old reply row is the same row, now secondary; other types are untouched.
    expect(after.proxyAddresses.find((x) => x.address === oldReply)!.id).toBe(mailbox.proxyAddresses.find((x) => x.address === oldReply)!.id);
    expect(after.proxyAddresses.filter((x) => x.type !== 'SMTP')).toEqual(mailbox.proxyAddresses.filter((x) => x.type !== 'SMTP'));

    // A custom recipient's target stays its reply address; nothing of its SMTP set changes.
    const customAfter = await getRecipient(custom.id);
    expect(smtpOf(customAfter)).toEqual(smtpOf(custom));
    expect(smtpOf(customAfter)).toContain(`SMTP:${customPerson.alias}@partner.example`);
    // A list has no first or last name: %g.%s falls back to the alias, which it already has.
    expect(await getRecipient(dl.id)).toEqual(dl);

    // And back: the alias address, held as a secondary, becomes the reply address again.
    await save(DEFAULT_RULES, true);
    expect(smtpOf(await getRecipient(mailbox.id))).toEqual([`SMTP:${oldReply}`, `smtp:${p.firstName}.Weiler@adatum.com`]);
  });

  test('two people with the same name get First.Last@ and First.Last2@', async () => {
    const firstName = uniqueName('Anne');
    const a = await makeMailbox({ firstName, lastName: 'Weiler', displayName: `${firstName} Weiler` });
    const b = await makeMailbox({ firstName, lastName: 'Weiler', displayName: `${firstName} Weiler` });
    await save(withRule('SMTP', { rule: '%g.%s@adatum.com' }), true);
    const replies = [a, b].map(async (r) => (await getRecipient(r.id)).proxyAddresses.find((x) => x.type === 'SMTP' && x.primary)!.address);
    expect((await Promise.all(replies)).sort()).toEqual([`${firstName}.Weiler2@adatum.com`, `${firstName}.Weiler@adatum.com`].sort());
  });

  test('an address another recipient holds is not taken from it: the generated one is numbered', async () => {
    const p = person('Hay');
    const squatter = await makeMailbox();
    await addProxyAddress(squatter.id, { type: 'SMTP', address: `${p.firstName}.Hay@adatum.com` });
    const mailbox = await makeMailbox(p);
    await save(withRule('SMTP', { rule: '%g.%s@adatum.com' }), true);
    expect(smtpOf(await getRecipient(mailbox.id))).toEqual([`SMTP:${p.firstName}.Hay2@adatum.com`, `smtp:${p.alias}@adatum.com`]);
    expect(smtpOf(await getRecipient(squatter.id))).toContain(`smtp:${p.firstName}.Hay@adatum.com`);
  });

  test('a new site SMTP domain, updating existing addresses: every recipient of the site gets alias@ the new domain', async () => {
    const mailbox = await makeMailbox();
    const result = await save(withRule('SMTP', { rule: '%m@adatum.net' }), true);
    expect(result.smtpDomain).toBe('adatum.net');
    expect(smtpOf(await getRecipient(mailbox.id))).toEqual([`SMTP:${mailbox.alias}@adatum.net`, `smtp:${mailbox.alias}@adatum.com`]);
    const administrator = (await directorySnapshot()).proxies.filter((x) => x.recipientId === 1 && x.type === 'SMTP');
    expect(administrator).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ address: 'Administrator@adatum.net', primary: true }),
        expect.objectContaining({ address: 'Administrator@adatum.com', primary: false }),
      ]),
    );
  });

  test('saving the same rules again with updateExisting changes nothing', async () => {
    await makeMailbox(person());
    const before = await directorySnapshot();
    expect((await save(DEFAULT_RULES, true)).updatedRecipients).toBe(0);
    expect(await directorySnapshot()).toEqual(before);
  });
});

describe('[SITE ADDRESSING] switch a type off or on', () => {
  test('MS switched off: new recipients get no MS address; existing ones keep theirs', async () => {
    const existing = await makeMailbox(person());
    await save(withRule('MS', { enabled: false }), true);
    expect(await getRecipient(existing.id)).toEqual(existing);
    const fresh = await makeMailbox(person());
    expect(fresh.proxyAddresses.map((p) => p.type).sort()).toEqual(['SMTP', 'X400']);
  });

  test('X.400 switched off: new mailboxes, custom recipients and lists get none', async () => {
    await save(withRule('X400', { enabled: false }));
    const p = person();
    const made = [
      await makeMailbox(person()),
      await createRecipient({ kind: 'custom', ...p, targetAddress: `SMTP:${p.alias}@partner.example` }),
      await createRecipient({ kind: 'dl', alias: uniqueName('l'), displayName: uniqueName('List') }),
    ];
    for (const r of made) expect(r.proxyAddresses.some((x) => x.type === 'X400'), r.kind).toBe(false);
  });

  test('cc:Mail switched on: new recipients get one; with updating existing addresses, existing ones too', async () => {
    const existing = await makeMailbox(person('Abercrombie'));
    await save(withRule('CCMAIL', { enabled: true }));
    expect((await getRecipient(existing.id)).proxyAddresses.some((x) => x.type === 'CCMAIL')).toBe(false);
    const p = person('Akers');
    const fresh = await makeMailbox(p);
    expect(fresh.proxyAddresses).toContainEqual(expect.objectContaining({ type: 'CCMAIL', address: `Akers, ${p.firstName} at REDMOND`, primary: true }));

    await save(DEFAULT_RULES);
    await save(withRule('CCMAIL', { enabled: true }), true);
    const after = await getRecipient(existing.id);
    expect(after.proxyAddresses).toContainEqual(expect.objectContaining({ type: 'CCMAIL', address: `Abercrombie, ${existing.firstName} at REDMOND`, primary: true }));
  });
});

describe('[SITE ADDRESSING] PUT /api/v1/sites/{site}/site-addressing refuses bad rules', () => {
  const put = (body: unknown, site = 'REDMOND') => call(PUT, { method: 'PUT', path: `/api/v1/sites/${site}/site-addressing`, body, params: { site } });

  test.each([
    ['an unknown token', withRule('SMTP', { rule: '%q@adatum.com' }), 'rules.0.rule'],
    ['an SMTP rule without a domain', withRule('SMTP', { rule: '%m@' }), 'rules.0.rule'],
    ['an SMTP rule without @', withRule('SMTP', { rule: 'adatum.com' }), 'rules.0.rule'],
    ['an SMTP rule with a bad domain', withRule('SMTP', { rule: '%m@adatum..com' }), 'rules.0.rule'],
    ['an empty SMTP rule', withRule('SMTP', { rule: '' }), 'rules.0.rule'],
    ['an MS rule without a postoffice', withRule('MS', { rule: 'ADATUM' }), 'rules.1.rule'],
    ['an MS rule with an 11-character postoffice', withRule('MS', { rule: 'ADATUM/REDMONDXXXX' }), 'rules.1.rule'],
    ['an X.400 rule naming a surname', withRule('X400', { rule: 'c=US;a= ;p=ADATUM;o=REDMOND;s=Clark;' }), 'rules.2.rule'],
    ['an X.400 rule without a country', withRule('X400', { rule: 'a= ;p=ADATUM;o=REDMOND;' }), 'rules.2.rule'],
    ['a cc:Mail rule without "at"', withRule('CCMAIL', { rule: 'REDMOND' }), 'rules.3.rule'],
    ['a rule longer than 256 characters', withRule('SMTP', { rule: `${'%m'.repeat(130)}@adatum.com` }), 'rules.0.rule'],
    ['an unknown type', [...DEFAULT_RULES, { type: 'FAX', rule: 'x', enabled: true }], 'rules.4.type'],
    ['a type twice', [...DEFAULT_RULES, DEFAULT_RULES[1]], 'rules'],
    ['no SMTP rule', DEFAULT_RULES.slice(1), 'rules'],
    ['no rules', [], 'rules'],
    ['a rule without enabled', [{ type: 'SMTP', rule: '%m@adatum.com' }], 'rules.0.enabled'],
    ['enabled as text', withRule('SMTP', { enabled: 'yes' as unknown as boolean }), 'rules.0.enabled'],
  ])('%s: 422 naming the field, nothing saved', async (_name, rules, field) => {
    const before = await directorySnapshot();
    const error = expectErrorShape(await put({ rules }), 422);
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('updateExisting must be true or false; unknown keys are refused', async () => {
    const before = await directorySnapshot();
    expect(expectErrorShape(await put({ rules: DEFAULT_RULES, updateExisting: 'yes' }), 422).fields).toHaveProperty('updateExisting');
    expect(expectErrorShape(await put({ rules: DEFAULT_RULES, recalculate: true }), 422).fields).toHaveProperty('_');
    expect(expectErrorShape(await put({ rules: [{ ...DEFAULT_RULES[0], priority: 1 }] }), 422).fields).toHaveProperty(['rules.0']);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('an unknown site is 404 for GET and PUT; the site name is case-insensitive', async () => {
    expectErrorShape(await call(GET, { params: { site: 'NOWHERE' } }), 404);
    expectErrorShape(await put({ rules: DEFAULT_RULES }, 'NOWHERE'), 404);
    const ok = await call(GET, { params: { site: 'redmond' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ site: 'REDMOND', smtpDomain: 'adatum.com', rules: DEFAULT_RULES });
  });

  test('a valid PUT answers 200 with the rules and how many recipients were updated', async () => {
    const p = person();
    const mailbox = await makeMailbox(p);
    const response = await put({ rules: withRule('SMTP', { rule: '%g.%s@adatum.com' }), updateExisting: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ site: 'REDMOND', smtpDomain: 'adatum.com', rules: withRule('SMTP', { rule: '%g.%s@adatum.com' }) });
    expect(response.body.updatedRecipients).toBeGreaterThanOrEqual(1);
    expect(smtpOf(await getRecipient(mailbox.id))[0]).toBe(`SMTP:${p.firstName}.Clark@adatum.com`);
  });
});
