// No lost updates (issue 5): the Internet Mail Service and the MS Mail Connector, like recipients,
// take the `version` their sheet (or an API client) read; a save based on an older version is
// refused with 409 and changes nothing. Without a version the API saves as before.
import { describe, expect, test } from 'vitest';
import { GET as imsGet, PUT as imsPut } from '@/app/api/v1/sites/[site]/internet-mail-service/route';
import { GET as connectorGet, PUT as connectorPut } from '@/app/api/v1/sites/[site]/msmail-connector/route';
import { db } from '@/lib/server/db';
import { call, expectErrorShape } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

const REDMOND = { site: 'REDMOND' };

const ims = {
  get: (params = REDMOND) => call(imsGet, { params }),
  put: (body: Record<string, unknown>, params = REDMOND) =>
    call(imsPut, { method: 'PUT', params, body: { hostName: 'mail.adatum.com', administrator: 'Administrator', rerouteIncoming: false, routes: [], ...body } }),
};
const connector = {
  get: (params = REDMOND) => call(connectorGet, { params }),
  put: (body: Record<string, unknown>, params = REDMOND) => call(connectorPut, { method: 'PUT', params, body: { postoffice: 'ADATUM/REDMOND', postoffices: [], ...body } }),
};

describe('[LOST UPDATE] PUT /sites/{site}/internet-mail-service', () => {
  test('GET gives the version; PUT with it saves and moves it on', async () => {
    const { body: opened } = await ims.get();
    expect(opened.version).toEqual(expect.any(Number));
    const saved = await ims.put({ version: opened.version, hostName: 'smtp.adatum.com' });
    expect(saved).toMatchObject({ status: 200, body: { hostName: 'smtp.adatum.com', version: opened.version + 1 } });
    expect((await ims.get()).body).toMatchObject({ hostName: 'smtp.adatum.com', version: opened.version + 1 });
  });

  test('a stale version is refused with 409, naming the current version, and nothing is saved', async () => {
    const { body: opened } = await ims.get();
    // Someone else saves first...
    expect((await ims.put({ version: opened.version, hostName: 'first.adatum.com' })).status).toBe(200);
    const before = await directorySnapshot();
    // ...then this admin applies changes made on what they opened.
    const stale = await ims.put({ version: opened.version, hostName: 'second.adatum.com', rerouteIncoming: true, routes: [{ sentTo: 'cpandl.net', routeTo: 'adatum.com' }] });
    const error = expectErrorShape(stale, 409);
    expect(error.message).toBe('This Internet Mail Service was changed by someone else after you opened it. Reload it to see the changes.');
    expect(error.fields).toEqual({ version: String(opened.version + 1) });
    expect(await directorySnapshot()).toEqual(before);
    expect((await ims.get()).body).toMatchObject({ hostName: 'first.adatum.com', rerouteIncoming: false, routes: [] });
  });

  test('a newer version than stored is refused too; the version is checked before the body', async () => {
    const { body: opened } = await ims.get();
    const before = await directorySnapshot();
    expectErrorShape(await ims.put({ version: opened.version + 1 }), 409);
    // An administrator who does not exist would be a 422 — but the stale version is reported first.
    expectErrorShape(await ims.put({ version: opened.version - 1, administrator: 'NoSuchMailbox' }), 409);
    expect(await directorySnapshot()).toEqual(before);
  });

  test('without a version the API saves as before (last write wins)', async () => {
    const { body: opened } = await ims.get();
    const saved = await ims.put({ hostName: 'mail.adatum.com' });
    expect(saved).toMatchObject({ status: 200, body: { hostName: 'mail.adatum.com', version: opened.version + 1 } });
  });

  test.each([[-1], [1.5], ['3'], [null], [2 ** 60]])('version %s is refused with 422', async (version) => {
    const before = await directorySnapshot();
    const error = expectErrorShape(await ims.put({ version }), 422);
    expect(Object.keys(error.fields ?? {})).toEqual(['version']);
    expect(await directorySnapshot()).toEqual(before);
  });
});

describe('[LOST UPDATE] PUT /sites/{site}/msmail-connector', () => {
  test('GET gives the version; PUT with it saves and moves it on', async () => {
    const { body: opened } = await connector.get();
    expect(opened.version).toEqual(expect.any(Number));
    const postoffices = [{ network: 'FINNET', postoffice: 'PO1', connection: 'direct' }];
    const saved = await connector.put({ version: opened.version, postoffices });
    expect(saved).toMatchObject({ status: 200, body: { postoffices, version: opened.version + 1 } });
  });

  test('a stale version is refused with 409, naming the current version, and nothing is saved', async () => {
    const { body: opened } = await connector.get();
    expect((await connector.put({ version: opened.version, postoffices: [{ network: 'FINNET', postoffice: 'PO2', connection: 'direct' }] })).status).toBe(200);
    const before = await directorySnapshot();
    const stale = await connector.put({ version: opened.version, postoffice: 'ADATUM/SEATTLE', postoffices: [] });
    const error = expectErrorShape(stale, 409);
    expect(error.message).toBe('This MS Mail Connector was changed by someone else after you opened it. Reload it to see the changes.');
    expect(error.fields).toEqual({ version: String(opened.version + 1) });
    expect(await directorySnapshot()).toEqual(before);
    expect((await connector.get()).body).toMatchObject({ postoffice: 'ADATUM/REDMOND', postoffices: [{ network: 'FINNET', postoffice: 'PO2', connection: 'direct' }] });
  });

  test('without a version the API saves as before (last write wins)', async () => {
    const { body: opened } = await connector.get();
    expect(await connector.put({})).toMatchObject({ status: 200, body: { postoffices: [], version: opened.version + 1 } });
  });

  test('version -1 is refused with 422', async () => {
    expectErrorShape(await connector.put({ version: -1 }), 422);
  });
});

describe('[LOST UPDATE] a site whose connections were never saved', () => {
  // GET answers version 0 until the first save creates the row (version 1): two admins who
  // opened the defaults cannot both save them.
  test('version 0 saves the first time and is stale after that', async () => {
    const organization = await db.organization.findFirstOrThrow({ select: { id: true } });
    await db.site.create({
      data: {
        organizationId: organization.id,
        name: 'SEATTLE',
        addressingRules: { create: [{ type: 'SMTP', rule: '%m@seattle.adatum.com', enabled: true }, { type: 'MS', rule: 'ADATUM/SEATTLE', enabled: true }] },
      },
    });
    const SEATTLE = { site: 'SEATTLE' };

    expect((await ims.get(SEATTLE)).body).toMatchObject({ hostName: 'mail.seattle.adatum.com', version: 0 });
    expect(await ims.put({ version: 0, hostName: 'mail.seattle.adatum.com', administrator: null }, SEATTLE)).toMatchObject({ status: 200, body: { version: 1 } });
    expect(expectErrorShape(await ims.put({ version: 0, administrator: null }, SEATTLE), 409).fields).toEqual({ version: '1' });

    expect((await connector.get(SEATTLE)).body).toMatchObject({ postoffice: 'ADATUM/SEATTLE', version: 0 });
    expect(await connector.put({ version: 0, postoffice: 'ADATUM/SEATTLE' }, SEATTLE)).toMatchObject({ status: 200, body: { version: 1 } });
    const before = await directorySnapshot();
    expect(expectErrorShape(await connector.put({ version: 0, postoffice: 'ADATUM/SEA2' }, SEATTLE), 409).fields).toEqual({ version: '1' });
    expect(await directorySnapshot()).toEqual(before);
  });
});
