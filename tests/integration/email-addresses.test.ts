// The E-mail Addresses tab through the data functions (New, Edit, Remove, Set As Reply Address)
// on a real SQLite file, including organisation-wide uniqueness (Q251152).
import { describe, expect, test } from 'vitest';
import { proxyUniqueKey } from '@/lib/core/addresses';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { getRecipient } from '@/lib/server/recipients/get-recipient';
import { DUPLICATE_MESSAGE } from '@/lib/server/recipients/proxy-addresses';
import { removeProxyAddress } from '@/lib/server/recipients/remove-proxy-address';
import { updateProxyAddress } from '@/lib/server/recipients/update-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import type { ProxyAddressDto } from '@/lib/server/recipients/select';
import { proxyAddressInputSchema } from '@/lib/validation/recipient';
import { makeMailbox, uniqueName } from '../factories';
import { expectAppError } from './helpers/app-error';
import { directorySnapshot, holdersOf } from './helpers/snapshot';

const add = (recipientId: number, input: { type: string; address: string; primary?: boolean }) =>
  addProxyAddress(recipientId, proxyAddressInputSchema.parse(input));
const written = (proxies: ProxyAddressDto[]) => proxies.map((p) => `${p.primary ? p.type : p.type.toLowerCase()}:${p.address}`).sort();
const replyOf = (proxies: ProxyAddressDto[], type: string) => proxies.filter((p) => p.type === type && p.primary);

describe('[E-MAIL ADDRESSES] New', () => {
  test('Q174351: a secondary SMTP address username@domain2.com is added next to the reply address', async () => {
    const mailbox = await makeMailbox({ firstName: 'User', lastName: 'Name' });
    const address = `${mailbox.alias}@domain2.com`;
    const { proxy, proxyAddresses } = await add(mailbox.id, { type: 'SMTP', address });

    expect(proxy).toMatchObject({ type: 'SMTP', address, primary: false });
    expect(replyOf(proxyAddresses, 'SMTP')).toEqual([expect.objectContaining({ address: `${mailbox.alias}@adatum.com` })]);
    const stored = await getRecipient(mailbox.id);
    expect(written(stored.proxyAddresses)).toContain(`smtp:${address}`);
    expect(stored.proxyAddresses).toHaveLength(4);
    expect(stored.version).toBe(mailbox.version + 1);
  });

  test('the type is taken in any case and stored upper-cased', async () => {
    const mailbox = await makeMailbox();
    const { proxy } = await add(mailbox.id, { type: ' smtp ', address: `${mailbox.alias}@cpandl.net` });
    expect(proxy).toMatchObject({ type: 'SMTP', primary: false });
  });

  test('the first address of a type the recipient lacks becomes its reply address; the next one is secondary', async () => {
    const mailbox = await makeMailbox({ firstName: 'Mark', lastName: 'Clark' });
    const cc1 = await add(mailbox.id, { type: 'CCMAIL', address: `Clark, Mark at REDMOND` });
    expect(cc1.proxy).toMatchObject({ type: 'CCMAIL', primary: true });
    const cc2 = await add(mailbox.id, { type: 'CCMAIL', address: `Clark, Mark at SEATTLE` });
    expect(cc2.proxy).toMatchObject({ type: 'CCMAIL', primary: false });

    const notes = await add(mailbox.id, { type: 'NOTES', address: `${mailbox.alias}/Adatum` });
    expect(notes.proxy).toMatchObject({ type: 'NOTES', primary: true });
    expect(written((await getRecipient(mailbox.id)).proxyAddresses)).toEqual(
      expect.arrayContaining(['CCMAIL:Clark, Mark at REDMOND', 'ccmail:Clark, Mark at SEATTLE', `NOTES:${mailbox.alias}/Adatum`]),
    );
  });

  test('"primary": true makes the new address the reply address and the old one secondary', async () => {
    const mailbox = await makeMailbox();
    const { proxy, proxyAddresses } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@cpandl.net`, primary: true });
    expect(proxy).toMatchObject({ primary: true });
    expect(written(proxyAddresses.filter((p) => p.type === 'SMTP'))).toEqual([`SMTP:${mailbox.alias}@cpandl.net`, `smtp:${mailbox.alias}@adatum.com`].sort());
  });

  test('an address the recipient already has (in any case) is refused, nothing saved', async () => {
    const mailbox = await makeMailbox();
    const before = await directorySnapshot();
    await expectAppError(add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias.toUpperCase()}@ADATUM.COM` }), 'invalid_input', /already exists on this recipient/);
    expect(await directorySnapshot()).toEqual(before);
  });

  test.each([
    ['SMTP', 'no-at-sign'],
    ['SMTP', 'bob@localhost'],
    ['SMTP', 'bob@@adatum.com'],
    ['SMTP', 'bob smith@adatum.com'],
    ['SMTP', 'bob@adatum..com'],
    ['SMTP', `${'x'.repeat(65)}@adatum.com`],
    ['SMTP', ' bob@adatum.com'],
    ['SMTP', 'bøb@adatum.com'],
    ['MS', 'ADATUM/REDMOND'],
    ['MS', 'ADATUM/REDMOND/TOOLONGNAME'],
    ['MS', 'ADATUM/REDMOND/BOB!'],
    ['MS', 'A/B/C/D'],
    ['X400', 'c=US;p=ADATUM;o=REDMOND;s=Kelly;'],
    ['X400', 'c=USA;a= ;p=ADATUM;s=Kelly;'],
    ['X400', 'c=US;a= ;p=ADATUM;g=Bob;'],
    ['X400', 'c=US;a= ;zz=1;'],
    ['X400', 'garbage'],
    ['CCMAIL', 'Mark Clark'],
    ['CCMAIL', 'Clark, Mark at '],
    ['NOTES', ''],
    ['NOTES', '   '],
    ['NOTES', 'line\nbreak'],
    ['BAD TYPE', 'anything'],
    ['', 'anything'],
    ['WAYTOOLONGTYPENAME1', 'anything'],
  ])('a malformed %s address %j is refused with nothing saved', async (type, address) => {
    const mailbox = await makeMailbox();
    const before = await directorySnapshot();
    const error = await expectAppError(add(mailbox.id, { type, address }), 'invalid_input');
    expect(Object.keys(error.fields ?? {})).toEqual([expect.stringMatching(/^(type|address)$/)]);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('a missing recipient is not found', async () => {
    await expectAppError(add(987_654_321, { type: 'SMTP', address: `${uniqueName('x')}@domain2.com` }), 'not_found');
  });
});

describe('[E-MAIL ADDRESSES] duplicates across the organisation (Q251152)', () => {
  test('an address another recipient holds is refused with Exchange’s message naming the holder, nothing saved', async () => {
    const holder = await makeMailbox({ displayName: uniqueName('Holder Person') });
    const address = `${uniqueName('shared')}@domain2.com`;
    await add(holder.id, { type: 'SMTP', address });
    const other = await makeMailbox();
    const before = await directorySnapshot();

    const error = await expectAppError(add(other.id, { type: 'SMTP', address }), 'conflict');
    expect(error.message.startsWith(`${DUPLICATE_MESSAGE}:`)).toBe(true);
    expect(error.message).toContain(`smtp:${address}`);
    expect(error.message).toContain(holder.displayName);
    expect(error.message).toContain(holder.directoryName);
    expect(error.status).toBe(409);
    expect(error.fields).toMatchObject({ holderId: String(holder.id) });
    expect(await directorySnapshot()).toEqual(before);
  });

  test('BOB@ADATUM.COM and bob@adatum.com are the same address', async () => {
    const holder = await makeMailbox();
    const reply = replyOf(holder.proxyAddresses, 'SMTP')[0].address;
    const other = await makeMailbox();
    const before = await directorySnapshot();
    const error = await expectAppError(add(other.id, { type: 'SMTP', address: reply.toUpperCase() }), 'conflict', DUPLICATE_MESSAGE);
    expect(error.message).toContain(holder.displayName);
    expect(await directorySnapshot()).toEqual(before);
    expect(await holdersOf(proxyUniqueKey('SMTP', reply))).toHaveLength(1);
  });

  test('MS addresses compare case-insensitively too; other types compare exactly', async () => {
    const holder = await makeMailbox();
    const ms = replyOf(holder.proxyAddresses, 'MS')[0].address;
    const other = await makeMailbox();
    await expectAppError(add(other.id, { type: 'ms', address: ms.toLowerCase() }), 'conflict', DUPLICATE_MESSAGE);

    const notes = `${uniqueName('n')}/Adatum`;
    await add(holder.id, { type: 'NOTES', address: notes });
    await expectAppError(add(other.id, { type: 'NOTES', address: notes }), 'conflict', DUPLICATE_MESSAGE);
    const { proxy } = await add(other.id, { type: 'NOTES', address: notes.toUpperCase() });
    expect(proxy).toMatchObject({ type: 'NOTES', address: notes.toUpperCase() });
  });

  test('the same text under another type is a different address', async () => {
    const holder = await makeMailbox();
    const local = uniqueName('same');
    await add(holder.id, { type: 'SMTP', address: `${local}@domain2.com` });
    const other = await makeMailbox();
    const { proxy } = await add(other.id, { type: 'FAX', address: `${local}@domain2.com` });
    expect(proxy).toMatchObject({ type: 'FAX', primary: true });
  });

  test('an IDN domain and its ASCII form are the same address', async () => {
    const holder = await makeMailbox();
    const local = uniqueName('idn');
    await add(holder.id, { type: 'SMTP', address: `${local}@exämple.com` });
    const other = await makeMailbox();
    await expectAppError(add(other.id, { type: 'SMTP', address: `${local}@xn--exmple-cua.com` }), 'conflict', DUPLICATE_MESSAGE);
  });

  test('editing an address into one another recipient holds is refused naming the holder, nothing saved', async () => {
    const holder = await makeMailbox();
    const taken = replyOf(holder.proxyAddresses, 'SMTP')[0].address;
    const other = await makeMailbox();
    const { proxy } = await add(other.id, { type: 'SMTP', address: `${other.alias}@domain2.com` });
    const before = await directorySnapshot();
    const error = await expectAppError(updateProxyAddress(other.id, proxy!.id, { address: taken }), 'conflict', DUPLICATE_MESSAGE);
    expect(error.message).toContain(holder.displayName);
    expect(await directorySnapshot()).toEqual(before);
  });
});

describe('[E-MAIL ADDRESSES] Edit, Set As Reply Address, Remove', () => {
  test('Set As Reply Address makes the chosen address primary and the old reply address secondary', async () => {
    const mailbox = await makeMailbox();
    const { proxy } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    const { proxy: reply, proxyAddresses } = await updateProxyAddress(mailbox.id, proxy!.id, { primary: true });
    expect(reply).toEqual({ ...proxy, primary: true });
    expect(written(proxyAddresses.filter((p) => p.type === 'SMTP'))).toEqual([`SMTP:${mailbox.alias}@domain2.com`, `smtp:${mailbox.alias}@adatum.com`].sort());
    // The other types are untouched.
    expect(proxyAddresses.filter((p) => p.type !== 'SMTP')).toEqual(mailbox.proxyAddresses.filter((p) => p.type !== 'SMTP'));
  });

  test('Edit changes the address in place: same id, same reply flag', async () => {
    const mailbox = await makeMailbox();
    const reply = replyOf(mailbox.proxyAddresses, 'SMTP')[0];
    const { proxy } = await updateProxyAddress(mailbox.id, reply.id, { address: `${mailbox.alias}@cpandl.net` });
    expect(proxy).toEqual({ id: reply.id, type: 'SMTP', address: `${mailbox.alias}@cpandl.net`, primary: true });
    // Only the case changes: allowed (it is the same address).
    const { proxy: recased } = await updateProxyAddress(mailbox.id, reply.id, { address: `${mailbox.alias.toUpperCase()}@cpandl.net` });
    expect(recased).toMatchObject({ id: reply.id, address: `${mailbox.alias.toUpperCase()}@cpandl.net` });
  });

  test('Edit and Set As Reply Address together', async () => {
    const mailbox = await makeMailbox();
    const { proxy } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    const { proxy: changed } = await updateProxyAddress(mailbox.id, proxy!.id, { address: `${mailbox.alias}@domain3.com`, primary: true });
    expect(changed).toEqual({ id: proxy!.id, type: 'SMTP', address: `${mailbox.alias}@domain3.com`, primary: true });
  });

  test('Edit into a malformed address or one this recipient already has is refused, nothing saved', async () => {
    const mailbox = await makeMailbox();
    const ms = replyOf(mailbox.proxyAddresses, 'MS')[0];
    const { proxy } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    const before = await directorySnapshot();
    await expectAppError(updateProxyAddress(mailbox.id, ms.id, { address: 'ADATUM/REDMOND' }), 'invalid_input', /NETWORK\/POSTOFFICE\/MAILBOX/);
    await expectAppError(updateProxyAddress(mailbox.id, proxy!.id, { address: `${mailbox.alias}@ADATUM.com` }), 'invalid_input', /already exists on this recipient/);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('Remove deletes a secondary address', async () => {
    const mailbox = await makeMailbox();
    const { proxy } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    const { proxy: none, proxyAddresses } = await removeProxyAddress(mailbox.id, proxy!.id);
    expect(none).toBeNull();
    expect(proxyAddresses).toEqual(mailbox.proxyAddresses);
  });

  test('Remove of a reply address is refused with a clear message; nothing saved', async () => {
    const mailbox = await makeMailbox();
    const reply = replyOf(mailbox.proxyAddresses, 'SMTP')[0];
    const before = await directorySnapshot();
    await expectAppError(removeProxyAddress(mailbox.id, reply.id), 'invalid_input', /is the only SMTP address of this recipient and its reply address; it cannot be removed/);
    await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    const afterAdd = await directorySnapshot();
    const error = await expectAppError(
      removeProxyAddress(mailbox.id, reply.id),
      'invalid_input',
      `SMTP:${reply.address} is the reply address. Set another SMTP address as the reply address before removing it.`,
    );
    expect(error.fields).toEqual({ proxy: error.message });
    expect(await directorySnapshot()).toEqual(afterAdd);
    expect(before.proxies.length + 1).toBe(afterAdd.proxies.length);
  });

  test('after Set As Reply Address, the old reply address can be removed', async () => {
    const mailbox = await makeMailbox();
    const oldReply = replyOf(mailbox.proxyAddresses, 'SMTP')[0];
    const { proxy } = await add(mailbox.id, { type: 'SMTP', address: `${mailbox.alias}@domain2.com` });
    await updateProxyAddress(mailbox.id, proxy!.id, { primary: true });
    const { proxyAddresses } = await removeProxyAddress(mailbox.id, oldReply.id);
    expect(proxyAddresses.filter((p) => p.type === 'SMTP')).toEqual([{ ...proxy, primary: true }]);
  });

  test("another recipient's proxy id, or a missing one, is not found on this recipient", async () => {
    const mailbox = await makeMailbox();
    const other = await makeMailbox();
    const foreign = other.proxyAddresses[0].id;
    const before = await directorySnapshot();
    await expectAppError(removeProxyAddress(mailbox.id, foreign), 'not_found', new RegExp(String(foreign)));
    await expectAppError(updateProxyAddress(mailbox.id, foreign, { primary: true }), 'not_found');
    await expectAppError(updateProxyAddress(mailbox.id, 987_654_321, { address: 'x@y.com' }), 'not_found');
    await expectAppError(removeProxyAddress(987_654_321, foreign), 'not_found');
    expect(await directorySnapshot()).toEqual(before);
  });

  test("a custom recipient's target stays its reply address: Set As Reply Address, New as reply, Edit or Remove of it are refused", async () => {
    const alias = uniqueName('crt');
    const target = `${alias}@partner.example`;
    const custom = await createRecipient({ kind: 'custom', alias, displayName: 'Custom Target', targetAddress: `SMTP:${target}` });
    const generated = custom.proxyAddresses.find((p) => p.type === 'SMTP' && !p.primary)!;
    const targetProxy = custom.proxyAddresses.find((p) => p.address === target)!;
    const before = await directorySnapshot();
    const message = new RegExp(`SMTP:${target} is this custom recipient's target address`);
    await expectAppError(updateProxyAddress(custom.id, generated.id, { primary: true }), 'invalid_input', message);
    await expectAppError(add(custom.id, { type: 'SMTP', address: `${alias}@domain2.com`, primary: true }), 'invalid_input', message);
    await expectAppError(updateProxyAddress(custom.id, targetProxy.id, { address: `${alias}@elsewhere.example` }), 'invalid_input', message);
    await expectAppError(removeProxyAddress(custom.id, targetProxy.id), 'invalid_input', /reply address/);
    expect(await directorySnapshot()).toEqual(before);
    // Other types of a custom recipient follow the ordinary rules.
    const ms = custom.proxyAddresses.find((p) => p.type === 'MS')!;
    const { proxy } = await add(custom.id, { type: 'MS', address: `OLDNET/OLDPO/${alias.slice(-8).toUpperCase()}`, primary: true });
    expect(proxy).toMatchObject({ primary: true });
    await removeProxyAddress(custom.id, ms.id);
  });

  test("a custom recipient's secondary addresses work like a mailbox's", async () => {
    const alias = uniqueName('cr');
    const custom = await createRecipient({ kind: 'custom', alias, displayName: 'Custom', targetAddress: `SMTP:${alias}@partner.example` });
    const { proxy } = await add(custom.id, { type: 'SMTP', address: `${alias}@domain2.com` });
    expect(proxy).toMatchObject({ primary: false });
    expect(replyOf((await getRecipient(custom.id)).proxyAddresses, 'SMTP')).toEqual([expect.objectContaining({ address: `${alias}@partner.example` })]);
  });
});
