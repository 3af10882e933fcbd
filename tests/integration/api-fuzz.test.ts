// Property: whatever JSON body, query string or path id arrives at any /api/v1 route, the answer
// is never a 500; an error always has the shape { error: { code, message, fields? } }; and a
// refused request leaves the database exactly as it was. The inputs mix pure noise with values
// close to valid ones, so that the data layer (not only the schemas) is reached.
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as proxyRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/[proxyId]/route';
import * as proxiesRoute from '@/app/api/v1/recipients/[id]/proxy-addresses/route';
import * as recipientRoute from '@/app/api/v1/recipients/[id]/route';
import * as recipientsRoute from '@/app/api/v1/recipients/route';
import * as siteAddressingRoute from '@/app/api/v1/sites/[site]/site-addressing/route';
import * as sitesRoute from '@/app/api/v1/sites/route';
import * as imsRoute from '@/app/api/v1/sites/[site]/internet-mail-service/route';
import * as connectorRoute from '@/app/api/v1/sites/[site]/msmail-connector/route';
import * as healthRoute from '@/app/api/v1/sites/[site]/routing-health/route';
import * as previewRoute from '@/app/api/v1/routing/preview/route';
import * as batchRoute from '@/app/api/v1/routing/preview/batch/route';
import * as exportRoute from '@/app/api/v1/directory/export/route';
import * as tokenRoute from '@/app/api/v1/tokens/[id]/route';
import * as tokensRoute from '@/app/api/v1/tokens/route';
import * as importRoute from '@/app/api/v1/directory/import/route';
import { parseWrittenAddress, proxyUniqueKey } from '@/lib/core/addresses';
import { db } from '@/lib/server/db';
import { addProxyAddress } from '@/lib/server/recipients/add-proxy-address';
import { createRecipient } from '@/lib/server/recipients/create-recipient';
import { updateSiteAddressing } from '@/lib/server/site-addressing/update-site-addressing';
import { makeMailbox, uniqueName } from '../factories';
import { type ApiResult, call } from './helpers/api';
import { directorySnapshot } from './helpers/snapshot';

// 250 inputs a route; each test may take a minute on a loaded machine (the suite runs on both databases).
const RUNS = 250;

// ------------------------------------------------------------------------------------------
// Arbitraries

const anything = fc.jsonValue({ maxDepth: 3 });
/** Mostly the plausible value, sometimes any JSON value. */
const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 300 }));
const alias = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,12}$/), text);
const personName = fc.oneof(fc.constantFrom('Mark', 'Clark', 'Anne', 'Weiler', 'Bob', 'Kelly', 'O’Brien', 'Zoë', ''), text);
const smtp = fc.oneof(
  fc.emailAddress(),
  fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/).map((local) => `${local}@domain2.com`),
  fc.constantFrom('Administrator@adatum.com', 'ADMINISTRATOR@ADATUM.COM', 'x@exämple.com', 'a@b', '@adatum.com', 'bob@[192.0.2.1]'),
  text,
);
const address = fc.oneof(
  smtp,
  fc.constantFrom('ADATUM/REDMOND/ADMINISTRA', 'OLDNET/OLDPO/BOB', 'A/B', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Kelly;g=Bob;', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Administrator;', 'Clark, Mark at REDMOND', 'at', ''),
  text,
);
const type = fc.oneof(fc.constantFrom('SMTP', 'smtp', 'MS', 'X400', 'CCMAIL', 'NOTES', 'FAX', '', ' ', 'BAD TYPE', 'X'.repeat(17)), text);
const written = fc.oneof(fc.tuple(type, address).map(([t, a]) => `${t}:${a}`), text);
const directoryName = fc.oneof(fc.constantFrom('Administrator', 'administrator', 'NoSuchName'), alias);
const recipientRef = fc.oneof(directoryName, fc.integer({ min: -2, max: 60 }), fc.constant(2 ** 53));

/** Near-valid object, sometimes with keys the schema does not know. */
function withExtras<T extends object>(record: fc.Arbitrary<T>) {
  return fc.oneof(
    { weight: 4, arbitrary: record },
    { weight: 1, arbitrary: fc.tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), anything, { maxKeys: 2 })).map(([r, extra]) => ({ ...extra, ...r })) },
  );
}

/** A request body as sent on the wire: near-valid JSON, any JSON, or not JSON at all. */
const bodyText = (nearValid: fc.Arbitrary<unknown>, valid?: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: valid ? 6 : 0, arbitrary: (valid ?? nearValid).map((v) => JSON.stringify(v)) },
    { weight: 6, arbitrary: nearValid.map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '"x"', '1e999', '{"__proto__":{"x":1}}', '{"kind":"mailbox",}') },
  );

const createBody = withExtras(
  fc.record(
    {
      kind: maybe(fc.constantFrom('mailbox', 'custom', 'dl', 'Mailbox', 'remote')),
      site: maybe(fc.constantFrom('REDMOND', 'redmond', 'NOWHERE', '')),
      alias: maybe(alias),
      directoryName: maybe(directoryName),
      displayName: maybe(personName),
      firstName: maybe(personName),
      initials: maybe(fc.string({ maxLength: 8 })),
      lastName: maybe(personName),
      targetAddress: maybe(written),
      members: maybe(fc.array(directoryName, { maxLength: 4 })),
    },
    { requiredKeys: [] },
  ),
);

const proxyEntry = fc.record({ type: maybe(type), address: maybe(address), primary: maybe(fc.boolean()) }, { requiredKeys: [] });

const patchBody = withExtras(
  fc.record(
    {
      version: maybe(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double(), fc.constant(2 ** 60))),
      displayName: maybe(personName),
      alias: maybe(alias),
      firstName: maybe(personName),
      initials: maybe(fc.string({ maxLength: 8 })),
      lastName: maybe(personName),
      targetAddress: maybe(written),
      proxyAddresses: maybe(fc.array(proxyEntry, { maxLength: 5 })),
      members: maybe(fc.array(recipientRef, { maxLength: 4 })),
      memberOf: maybe(fc.array(fc.oneof(fc.integer({ min: -1, max: 60 }), fc.double()), { maxLength: 3 })),
    },
    { requiredKeys: [] },
  ),
);

const addProxyBody = withExtras(fc.record({ type: maybe(type), address: maybe(address), primary: maybe(fc.boolean()) }, { requiredKeys: [] }));
const patchProxyBody = withExtras(fc.record({ address: maybe(address), primary: maybe(fc.constantFrom(true, false)) }, { requiredKeys: [] }));

const RULES = {
  SMTP: ['%m@adatum.com', '%g.%s@adatum.com', '%1g%s@adatum.com', '%r.x%d@adatum.com', '%%%m@adatum.com', '@adatum.com', '%m@adatum.net'],
  MS: ['ADATUM/REDMOND', 'ADATUM/SEATTLE'],
  X400: ['c=US;a= ;p=ADATUM;o=REDMOND;', 'c=GB;a= ;p=ADATUM;o=LONDON;ou1=SALES;'],
  CCMAIL: ['at REDMOND', 'at SEATTLE'],
} as const;
const ruleEntry = fc.oneof(
  fc.constantFrom(...(Object.keys(RULES) as Array<keyof typeof RULES>)).chain((t) =>
    fc.record({ type: fc.constant(t), rule: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...RULES[t]) }, { weight: 1, arbitrary: text }), enabled: fc.boolean() }),
  ),
  fc.record({ type: maybe(fc.constantFrom('SMTP', 'FAX', 'smtp')), rule: maybe(text), enabled: maybe(fc.boolean()) }, { requiredKeys: [] }),
);
const siteAddressingBody = withExtras(
  fc.record({ rules: maybe(fc.array(ruleEntry, { maxLength: 5 })), updateExisting: maybe(fc.boolean()) }, { requiredKeys: [] }),
);

/** Path ids: mostly small numbers (often existing rows), also every kind of malformed id. */
const id = (existing: fc.Arbitrary<string>) => fc.oneof(
  { weight: 6, arbitrary: existing },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 2000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('abc', '-1', '0', '01', '1e3', '1.5', ' 1', '0x1', '99999999999999999999', '9007199254740993', '9007199254740991', '', '%20') },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.bigInt().map(String), fc.double().map(String)) },
);
const site = fc.oneof(fc.constantFrom('REDMOND', 'redmond', 'NOWHERE', ''), fc.string({ maxLength: 70 }));

const queryKey = fc.oneof(fc.constantFrom('site', 'q', 'page', 'perPage', 'kind', 'sort', '__proto__', 'constructor', 'toString', 'filter'), fc.string({ maxLength: 10 }));
const queryValue = fc.oneof(
  fc.constantFrom('REDMOND', 'NOWHERE', '1', '2', '0', '-1', '50', '200', '201', '1e2', '0x10', 'Infinity', 'NaN', 'mailbox', 'custom', 'dl', 'alias', '-alias', 'kind', '-kind', 'directoryName', 'smtp:admin', 'MS:ADATUM/', '%', '_', ''),
  fc.string({ maxLength: 30 }),
  fc.string({ maxLength: 300 }),
);
const queryString = fc.oneof(
  fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.string({ maxLength: 60 }),
);


// Values drawn from the live directory at generation time, so that ids and names hit real rows.
const pool = { recipientIds: [1], listIds: [1], proxyIds: [1], directoryNames: ['Administrator'] };
async function refreshPool() {
  const rows = await db.recipient.findMany({ select: { id: true, kind: true, directoryName: true, proxyAddresses: { select: { id: true } } } });
  pool.recipientIds = rows.map((r) => r.id);
  pool.listIds = rows.filter((r) => r.kind === 'dl').map((r) => r.id);
  pool.proxyIds = rows.flatMap((r) => r.proxyAddresses.map((p) => p.id));
  pool.directoryNames = rows.map((r) => r.directoryName);
}
const fromPool = <K extends keyof typeof pool>(key: K) =>
  fc.nat().map((i) => {
    const list = pool[key] as Array<(typeof pool)[K][number]>;
    return list.length ? list[i % list.length] : (key === 'directoryNames' ? 'Administrator' : 1);
  });

const validAlias = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/);
const validName = fc.constantFrom('Mark', 'Clark', 'Anne', 'Weiler', 'Bob', 'Kelly', 'Zoë', 'Jean-Luc', "O'Brien", 'Kim Abercrombie');
const validLocal = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const validAddress = {
  SMTP: fc.tuple(validLocal, fc.constantFrom('domain2.com', 'adatum.com', 'partner.example', 'exämple.com')).map(([l, d]) => `${l}@${d}`),
  MS: fc.tuple(fc.constantFrom('OLDNET', 'ADATUM'), fc.constantFrom('OLDPO', 'REDMOND'), validLocal).map(([n, p, m]) => `${n}/${p}/${m.toUpperCase()}`),
  X400: fc.tuple(fc.constantFrom('Kelly', 'Clark', 'Administrator'), fc.constantFrom('', 'g=Bob;')).map(([s, g]) => `c=US;a= ;p=ADATUM;o=REDMOND;s=${s};${g}`),
  CCMAIL: validName.map((n) => `${n} at REDMOND`),
  NOTES: validLocal.map((l) => `${l}/Adatum`),
};
type ValidType = keyof typeof validAddress;
const validTypedAddress = fc.constantFrom(...(Object.keys(validAddress) as ValidType[])).chain((t) => validAddress[t].map((address) => ({ type: t, address })));
const validWritten = fc.oneof(validAddress.SMTP.map((a) => `SMTP:${a}`), validTypedAddress.map(({ type: t, address: a }) => `${t}:${a}`));
/** A proxy list that keeps the rules: the first address of each type is its reply address. */
const validProxyList = fc.uniqueArray(validTypedAddress, { maxLength: 5, selector: (p) => `${p.type}:${p.address.toLowerCase()}` }).map((list) =>
  list.map((p, i) => ({ ...p, primary: list.findIndex((q) => q.type === p.type) === i })),
);

const validCreate = fc.oneof(
  fc.record({ kind: fc.constant('mailbox'), alias: validAlias, displayName: validName, firstName: validName, lastName: validName }, { requiredKeys: ['kind', 'alias', 'displayName'] }),
  fc.record({ kind: fc.constant('custom'), alias: validAlias, displayName: validName, targetAddress: validWritten }),
  fc.record({ kind: fc.constant('dl'), alias: validAlias, displayName: validName, members: fc.array(fromPool('directoryNames'), { maxLength: 3 }) }, { requiredKeys: ['kind', 'alias', 'displayName'] }),
);
const validPatch = fc.oneof(
  fc.record({ version: fc.integer({ min: 1, max: 4 }), displayName: validName, firstName: validName, lastName: validName, alias: validAlias }, { requiredKeys: [] }),
  fc.record({ proxyAddresses: validProxyList }),
  fc.record({ memberOf: fc.array(fromPool('listIds'), { maxLength: 2 }) }),
  fc.record({ members: fc.array(fc.oneof(fromPool('directoryNames'), fromPool('recipientIds')), { maxLength: 3 }) }),
  fc.record({ targetAddress: validWritten }),
);
const validAddProxy = fc.tuple(validTypedAddress, fc.option(fc.boolean(), { nil: undefined })).map(([p, primary]) => (primary === undefined ? p : { ...p, primary }));
const validPatchProxy = fc.oneof(fc.constant({ primary: true }), validTypedAddress.map((p) => ({ address: p.address })));
const existingId = fromPool('recipientIds').map(String);
const existingProxyId = fromPool('proxyIds').map(String);

// ------------------------------------------------------------------------------------------
// The property

const ALLOWED_ERRORS: Record<number, string> = { 404: 'not_found', 409: 'conflict', 422: 'invalid_input' };

/**
 * The E-mail Addresses rules hold for every recipient: each type it has, exactly one reply address;
 * a custom recipient's target is one of them.
 */
async function expectProxyRulesHold() {
  const proxies = await db.proxyAddress.findMany({ select: { recipientId: true, type: true, primary: true } });
  const primaries = new Map<string, number>();
  for (const p of proxies) {
    const key = `${p.recipientId}/${p.type}`;
    primaries.set(key, (primaries.get(key) ?? 0) + (p.primary ? 1 : 0));
  }
  const broken = [...primaries].filter(([, n]) => n !== 1);
  expect(broken, 'recipient/type with other than one reply address').toEqual([]);
  // A custom recipient's target address is its reply address of that type.
  const customs = await db.recipient.findMany({
    where: { kind: 'custom' },
    select: { id: true, targetAddress: true, proxyAddresses: { where: { primary: true }, select: { uniqueKey: true } } },
  });
  for (const custom of customs) {
    const target = parseWrittenAddress(custom.targetAddress ?? '');
    expect(target, `custom recipient ${custom.id} has a target`).not.toBeNull();
    expect(custom.proxyAddresses.map((p) => p.uniqueKey), `custom recipient ${custom.id}`).toContain(proxyUniqueKey(target!.type, target!.address));
  }
}

async function expectSafe(request: () => Promise<ApiResult>, successStatus: number) {
  const before = await directorySnapshot();
  const result = await request();
  if (result.status < 400) {
    expect(result.status).toBe(successStatus);
    expect(typeof result.body).toBe('object');
    await expectProxyRulesHold();
    return;
  }
  expect(Object.keys(ALLOWED_ERRORS), `status ${result.status}: ${JSON.stringify(result.body)}`).toContain(String(result.status));
  expect(Object.keys(result.body)).toEqual(['error']);
  expect(result.body.error.code).toBe(ALLOWED_ERRORS[result.status]);
  expect(typeof result.body.error.message).toBe('string');
  expect(Object.keys(result.body.error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
  expect(await directorySnapshot()).toEqual(before);
}

const run = (property: fc.IAsyncProperty<any>) => fc.assert(property, { numRuns: RUNS });

beforeAll(async () => {
  // Something for the ids to hit: mailboxes with secondary addresses, custom recipients, lists.
  const people = [];
  for (let i = 0; i < 20; i++) people.push(await makeMailbox({ firstName: 'Bob', lastName: `Kelly${i}` }));
  for (const p of people.slice(0, 10)) await addProxyAddress(p.id, { type: 'SMTP', address: `${p.alias}@domain2.com` });
  for (let i = 0; i < 3; i++) {
    await createRecipient({ kind: 'custom', alias: uniqueName('cust'), displayName: 'Partner Contact', targetAddress: `SMTP:${uniqueName('c')}@partner.example` });
    await createRecipient({ kind: 'dl', alias: uniqueName('all'), displayName: `List ${i}`, members: people.slice(i * 5, i * 5 + 5).map((p) => p.directoryName) });
  }
});

beforeEach(refreshPool);

describe('[API FUZZ] no input makes a route answer 500 or change the database when it refuses', { timeout: 120_000 }, () => {
  test('GET /api/v1/sites and GET /api/v1/recipients?…', async () => {
    await run(
      fc.asyncProperty(queryString, async (query) => {
        await expectSafe(() => call(sitesRoute.GET, { path: '/api/v1/sites', query }), 200);
        await expectSafe(() => call(recipientsRoute.GET, { path: '/api/v1/recipients', query }), 200);
      }),
    );
  });

  test('POST /api/v1/recipients', async () => {
    await run(fc.asyncProperty(bodyText(createBody, validCreate), async (body) => expectSafe(() => call(recipientsRoute.POST, { method: 'POST', body }), 201)));
  });

  test('GET, PATCH /api/v1/recipients/{id}', async () => {
    await run(
      fc.asyncProperty(id(existingId), bodyText(patchBody, validPatch), async (recipientId, body) => {
        await expectSafe(() => call(recipientRoute.GET, { params: { id: recipientId } }), 200);
        await expectSafe(() => call(recipientRoute.PATCH, { method: 'PATCH', body, params: { id: recipientId } }), 200);
      }),
    );
  });

  test('GET, POST /api/v1/recipients/{id}/proxy-addresses', async () => {
    await run(
      fc.asyncProperty(id(existingId), bodyText(addProxyBody, validAddProxy), async (recipientId, body) => {
        await expectSafe(() => call(proxiesRoute.GET, { params: { id: recipientId } }), 200);
        await expectSafe(() => call(proxiesRoute.POST, { method: 'POST', body, params: { id: recipientId } }), 201);
      }),
    );
  });

  test('PATCH, DELETE /api/v1/recipients/{id}/proxy-addresses/{proxyId}', async () => {
    // The proxy's own recipient most of the time, so that the pair exists.
    const pair = fc.oneof(
      { weight: 3, arbitrary: existingProxyId.chain((proxyId) => fc.constant(proxyId)).map((proxyId) => ({ proxyId, owner: true })) },
      { weight: 1, arbitrary: fc.record({ proxyId: id(existingProxyId), owner: fc.constant(false) }) },
    );
    await run(
      fc.asyncProperty(pair, id(existingId), bodyText(patchProxyBody, validPatchProxy), fc.boolean(), async ({ proxyId, owner }, otherId, body, remove) => {
        const ownerId = owner ? (await db.proxyAddress.findUnique({ where: { id: Number(proxyId) }, select: { recipientId: true } }))?.recipientId : undefined;
        const params = { id: ownerId ? String(ownerId) : otherId, proxyId };
        await expectSafe(() => call(proxyRoute.PATCH, { method: 'PATCH', body, params }), 200);
        if (remove) await expectSafe(() => call(proxyRoute.DELETE, { method: 'DELETE', params }), 200);
      }),
    );
  });

  test('GET, PUT /api/v1/sites/{site}/site-addressing', async () => {
    const validRules = fc
      .record({
        others: fc.subarray(['MS', 'X400', 'CCMAIL'] as const),
        smtp: fc.constantFrom(...RULES.SMTP),
        enabled: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        pick: fc.nat(),
      })
      .map(({ others, smtp: rule, enabled, pick }) => [
        { type: 'SMTP', rule, enabled: enabled[0] },
        ...others.map((t, i) => ({ type: t, rule: RULES[t][pick % RULES[t].length], enabled: enabled[i + 1] })),
      ]);
    const validBody = fc.record({ rules: validRules, updateExisting: fc.boolean() }, { requiredKeys: ['rules'] });
    try {
      await run(
        fc.asyncProperty(site, bodyText(siteAddressingBody, validBody), async (siteName, body) => {
          await expectSafe(() => call(siteAddressingRoute.GET, { params: { site: siteName } }), 200);
          await expectSafe(() => call(siteAddressingRoute.PUT, { method: 'PUT', body, params: { site: siteName } }), 200);
        }),
      );
    } finally {
      await updateSiteAddressing('REDMOND', {
        rules: [
          { type: 'SMTP', rule: '%m@adatum.com', enabled: true },
          { type: 'MS', rule: 'ADATUM/REDMOND', enabled: true },
          { type: 'X400', rule: 'c=US;a= ;p=ADATUM;o=REDMOND;', enabled: true },
          { type: 'CCMAIL', rule: 'at REDMOND', enabled: false },
        ],
      });
    }
  });

  test('GET, PUT /api/v1/sites/{site}/internet-mail-service and GET routing-health', async () => {
    const domain = fc.oneof(fc.constantFrom('adatum.com', 'cpandl.net', 'CPANDL.ORG', '#microsoft.com', 'internal.adatum.com', 'exämple.com', 'a..b', 'bob@x.com', '#', '', 'inbound'), text);
    const route = fc.record({ sentTo: maybe(domain), routeTo: maybe(fc.oneof(fc.constantFrom('inbound', 'INBOUND'), domain)) }, { requiredKeys: [] });
    const imsBody = withExtras(
      fc.record(
        {
          hostName: maybe(fc.oneof(fc.constantFrom('mail.adatum.com', 'MAIL.ADATUM.COM', 'mail', ''), text)),
          administrator: maybe(fc.oneof(directoryName, fc.constant(null))),
          rerouteIncoming: maybe(fc.boolean()),
          routes: maybe(fc.array(route, { maxLength: 5 })),
          confirmLoops: maybe(fc.boolean()),
          version: maybe(fc.integer({ min: -1, max: 8 })),
        },
        { requiredKeys: [] },
      ),
    );
    const validDomain = fc.constantFrom('cpandl.net', 'cpandl.org', 'internal.adatum.com', 'domain2.com', 'sea.com', 'x.sea.com');
    const validIms = fc.record({
      hostName: fc.constant('mail.adatum.com'),
      administrator: fc.oneof(fromPool('directoryNames'), fc.constant(null)),
      rerouteIncoming: fc.boolean(),
      routes: fc.uniqueArray(fc.record({ sentTo: validDomain, routeTo: fc.oneof(fc.constant('inbound'), validDomain, fc.constant('adatum.com')) }), { maxLength: 5, selector: (r) => r.sentTo }),
      confirmLoops: fc.boolean(),
    });
    try {
      await run(
        fc.asyncProperty(site, bodyText(imsBody, validIms), async (siteName, body) => {
          await expectSafe(() => call(imsRoute.GET, { params: { site: siteName } }), 200);
          await expectSafe(() => call(imsRoute.PUT, { method: 'PUT', body, params: { site: siteName } }), 200);
          await expectSafe(() => call(healthRoute.GET, { params: { site: siteName } }), 200);
        }),
      );
    } finally {
      await call(imsRoute.PUT, { method: 'PUT', params: { site: 'REDMOND' }, body: { hostName: 'mail.adatum.com', administrator: 'Administrator', rerouteIncoming: false, routes: [] } });
    }
  });

  test('GET, PUT /api/v1/sites/{site}/msmail-connector', async () => {
    const name = fc.oneof(fc.constantFrom('ADATUM', 'REDMOND', 'OLDNET', 'oldpo', 'FINNET', 'PO1', '', 'ELEVENCHARS', 'A B'), text);
    const po = fc.record({ network: maybe(name), postoffice: maybe(name), connection: maybe(fc.constantFrom('direct', 'indirect', 'Direct', '')) }, { requiredKeys: [] });
    const connectorBody = withExtras(fc.record({ postoffice: maybe(fc.oneof(fc.constantFrom('ADATUM/REDMOND', 'adatum/redmond', 'A/B/C', 'REDMOND'), text)), postoffices: maybe(fc.array(po, { maxLength: 4 })), version: maybe(fc.integer({ min: -1, max: 8 })) }, { requiredKeys: [] }));
    try {
      await run(
        fc.asyncProperty(site, bodyText(connectorBody), async (siteName, body) => {
          await expectSafe(() => call(connectorRoute.GET, { params: { site: siteName } }), 200);
          await expectSafe(() => call(connectorRoute.PUT, { method: 'PUT', body, params: { site: siteName } }), 200);
        }),
      );
    } finally {
      await call(connectorRoute.PUT, { method: 'PUT', params: { site: 'REDMOND' }, body: { postoffice: 'ADATUM/REDMOND', postoffices: [] } });
    }
  });

  test('POST /api/v1/routing/preview and /batch', async () => {
    const item = withExtras(fc.record({ address: maybe(fc.oneof(address, written)), origin: maybe(fc.constantFrom('internet', 'exchange', 'msmail', 'INTERNET', '')), site: maybe(fc.constantFrom('REDMOND', 'NOWHERE')) }, { requiredKeys: [] }));
    await run(
      fc.asyncProperty(bodyText(item), bodyText(withExtras(fc.record({ items: maybe(fc.array(item, { maxLength: 4 })) }, { requiredKeys: [] }))), async (one, many) => {
        await expectSafe(() => call(previewRoute.POST, { method: 'POST', body: one }), 200);
        await expectSafe(() => call(batchRoute.POST, { method: 'POST', body: many }), 200);
      }),
    );
  });

  test('POST /api/v1/directory/import and GET /api/v1/directory/export', async () => {
    const attribute = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('Obj-Class', 'Mode', 'Directory Name', 'First Name', 'Last Name', 'Initials', 'Display Name', 'Alias Name', 'E-mail Address', 'Proxy-Addresses', 'Secondary-Proxy-Addresses', 'Members', 'e-mail addresses', 'OBJ-CLASS') },
      { weight: 1, arbitrary: text },
    );
    const value = fc.oneof(
      fc.constantFrom('Mailbox', 'Remote', 'dl', 'Dist-List', 'Person', 'Create', 'Modify', 'Delete', 'Update', '~DEL', ''),
      directoryName,
      personName,
      written,
      fc.array(written, { maxLength: 3 }).map((values) => values.join('%')),
      text,
    );
    const field = fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: value.map((v) => `"${v.replace(/"/g, '""')}"`) }, { weight: 1, arbitrary: value.map((v) => `"${v}`) });
    const file = fc.oneof(
      fc.tuple(fc.array(attribute, { minLength: 1, maxLength: 6 }), fc.array(fc.array(field, { maxLength: 7 }), { maxLength: 4 }), fc.constantFrom('\r\n', '\n')).map(([header, rows, eol]) =>
        [header.join(','), ...rows.map((r) => r.join(','))].join(eol),
      ),
      text,
    );
    const flag = maybe(fc.constantFrom('true', 'false', 'TRUE', '1', ''));
    const options = fc.record({ site: maybe(fc.constantFrom('REDMOND', 'redmond', 'NOWHERE', '')), overwrite: flag, validateOnly: flag, applyValid: flag, stray: fc.constant('x') }, { requiredKeys: [] });
    // A value that is not a string (maybe() mixes in any JSON value) is sent as its JSON text.
    const asQuery = (o: Record<string, unknown>) => new URLSearchParams(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''])).toString();
    await run(
      fc.asyncProperty(file, options, queryString, async (csv, query, exportQuery) => {
        await expectSafe(() => call(importRoute.POST, { method: 'POST', path: '/api/v1/directory/import', query: asQuery(query), body: csv }), 200);
        const before = await directorySnapshot();
        const exported = await call(exportRoute.GET, { path: '/api/v1/directory/export', query: exportQuery });
        if (exported.status === 200) expect(exported.contentType).toMatch(/^text\/csv/);
        else {
          expect(Object.keys(ALLOWED_ERRORS), `status ${exported.status}: ${JSON.stringify(exported.body)}`).toContain(String(exported.status));
          expect(exported.body.error.code).toBe(ALLOWED_ERRORS[exported.status]);
        }
        expect(await directorySnapshot()).toEqual(before);
      }),
    );
  });

  test('GET, POST /api/v1/tokens and DELETE /api/v1/tokens/{id}', async () => {
    const body = withExtras(fc.record({ name: maybe(fc.oneof(fc.constantFrom('nightly', '', ' ', 'x'.repeat(65)), text)), username: maybe(fc.oneof(fc.constantFrom('tester', 'TESTER', 'nobody', ''), text)) }, { requiredKeys: [] }));
    // Not the token these tests run with (revoking it would make every later call a 401).
    const own = (await db.apiToken.findFirstOrThrow({ where: { name: 'integration tests' }, select: { id: true } })).id;
    await run(
      fc.asyncProperty(bodyText(body), queryString, fc.oneof(fc.integer({ min: -2, max: 40 }).filter((n) => n !== own).map(String), text.filter((t) => t.trim() !== String(own))), async (created, query, tokenId) => {
        await expectSafe(() => call(tokensRoute.POST, { method: 'POST', path: '/api/v1/tokens', body: created }), 201);
        await expectSafe(() => call(tokensRoute.GET, { path: '/api/v1/tokens', query }), 200);
        await expectSafe(() => call(tokenRoute.DELETE, { method: 'DELETE', params: { id: tokenId } }), 200);
      }),
    );
  });

  // Last: deleting thins out the recipients the other properties aim at.
  test('DELETE /api/v1/recipients/{id}', async () => {
    await run(fc.asyncProperty(id(existingId), async (recipientId) => expectSafe(() => call(recipientRoute.DELETE, { method: 'DELETE', params: { id: recipientId } }), 200)));
  });
});
