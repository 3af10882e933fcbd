import { describe, expect, it } from 'vitest';
import { changedAttributes } from './changed-elsewhere';
import {
  type InternetMailServiceAttributesState,
  internetMailServiceAttributes,
  msMailConnectorAttributes,
  recipientAttributes,
  type RecipientAttributesState,
} from './sheet-attributes';

describe('recipientAttributes', () => {
  const bob: RecipientAttributesState = {
    firstName: 'Bob',
    initials: '',
    lastName: 'Kelly',
    displayName: 'Bob Kelly',
    alias: 'BobK',
    targetAddress: null,
    proxies: [
      { type: 'SMTP', address: 'BobK@adatum.com', primary: true },
      { type: 'SMTP', address: 'bob@domain2.com', primary: false },
      { type: 'MS', address: 'ADATUM/REDMOND/BOBK', primary: true },
    ],
    members: [],
    memberOf: [{ id: 7, displayName: 'All Staff' }],
  };
  const changes = (now: Partial<RecipientAttributesState>, pending?: Partial<RecipientAttributesState>) =>
    changedAttributes(recipientAttributes(bob), recipientAttributes({ ...bob, ...now }), pending && recipientAttributes({ ...bob, ...pending }));

  it('names the General fields in the tab\'s words', () => {
    expect(changes({ displayName: 'Robert Kelly', alias: 'RobertK', initials: 'J' }).map((c) => [c.label, c.opened, c.now])).toEqual([
      ['Initials', [], ['J']],
      ['Display name', ['Bob Kelly'], ['Robert Kelly']],
      ['Alias', ['BobK'], ['RobertK']],
    ]);
  });

  it('shows an added and a removed address, and a new reply address as one line', () => {
    const added = changes({ proxies: [...bob.proxies, { type: 'SMTP', address: 'bob@fabrikam.com', primary: false }] });
    expect(added).toEqual([{ key: 'proxyAddresses', label: 'E-mail addresses', list: true, opened: [], now: ['SMTP:bob@fabrikam.com'] }]);

    const removed = changes({ proxies: bob.proxies.filter((p) => p.address !== 'bob@domain2.com') });
    expect(removed).toEqual([expect.objectContaining({ label: 'E-mail addresses', opened: ['SMTP:bob@domain2.com'], now: [] })]);

    // Set As Reply Address: the same addresses, another reply address.
    const swapped = changes({ proxies: bob.proxies.map((p) => (p.type === 'SMTP' ? { ...p, primary: !p.primary } : p)) });
    expect(swapped).toEqual([{ key: 'reply:SMTP', label: 'Reply address (SMTP)', list: false, opened: ['SMTP:BobK@adatum.com'], now: ['SMTP:bob@domain2.com'] }]);
  });

  it('shows membership changes by display name, compared by id', () => {
    const result = changes({ memberOf: [{ id: 8, displayName: 'All Staff' }] });
    expect(result).toEqual([{ key: 'memberOf', label: 'Distribution lists', list: true, opened: ['All Staff'], now: ['All Staff'] }]);
    expect(changes({ members: [{ id: 3, displayName: 'Kim Abercrombie' }] })[0]).toMatchObject({ label: 'Members', opened: [], now: ['Kim Abercrombie'] });
  });

  it("a custom recipient's target address", () => {
    const custom = { ...bob, targetAddress: 'SMTP:cust@partner.example' };
    expect(changedAttributes(recipientAttributes(custom), recipientAttributes({ ...custom, targetAddress: 'SMTP:new@partner.example' }))).toEqual([
      expect.objectContaining({ label: 'Target address', opened: ['SMTP:cust@partner.example'], now: ['SMTP:new@partner.example'] }),
    ]);
  });

  it('marks where the admin changed the same attribute', () => {
    const result = changes({ displayName: 'Robert Kelly' }, { displayName: 'Bobby Kelly', lastName: 'Kelley' });
    expect(result).toEqual([expect.objectContaining({ label: 'Display name', mine: { opened: ['Bob Kelly'], now: ['Bobby Kelly'] } })]);
  });
});

describe('internetMailServiceAttributes', () => {
  const ims: InternetMailServiceAttributesState = {
    hostName: 'mail.adatum.com',
    administrator: { directoryName: 'Administrator', displayName: 'Administrator' },
    rerouteIncoming: true,
    routes: [
      { sentTo: 'adatum.com', routeTo: 'inbound' },
      { sentTo: 'cpandl.net', routeTo: 'adatum.com' },
    ],
  };
  const changes = (now: Partial<InternetMailServiceAttributesState>) => changedAttributes(internetMailServiceAttributes(ims), internetMailServiceAttributes({ ...ims, ...now }));

  it('host name, administrator and the reroute flag', () => {
    expect(changes({ hostName: 'smtp.adatum.com', administrator: null, rerouteIncoming: false }).map((c) => [c.label, c.opened, c.now])).toEqual([
      ['Host name', ['mail.adatum.com'], ['smtp.adatum.com']],
      ["Administrator's mailbox", ['Administrator'], []],
      ['Reroute incoming SMTP mail', ['Yes'], ['No']],
    ]);
  });

  it('a routing entry rerouted elsewhere shows as the old line and the new line', () => {
    const result = changes({ routes: [ims.routes[0], { sentTo: 'cpandl.net', routeTo: 'inbound' }] });
    expect(result).toEqual([{ key: 'routes', label: 'Routing table', list: true, opened: ['cpandl.net → adatum.com'], now: ['cpandl.net → <inbound>'] }]);
  });

  it('ignores the case of a domain, as routing does', () => {
    expect(changes({ hostName: 'MAIL.adatum.com', routes: [ims.routes[0], { sentTo: 'CPANDL.net', routeTo: 'adatum.com' }] })).toEqual([]);
  });
});

describe('msMailConnectorAttributes', () => {
  const connector = { network: 'ADATUM', postoffice: 'REDMOND', postoffices: [{ network: 'FINNET', postoffice: 'PO1', connection: 'direct' }] };

  it('the local postoffice and the postoffices it knows', () => {
    const now = { network: 'ADATUM', postoffice: 'SEATTLE', postoffices: [{ network: 'FINNET', postoffice: 'PO1', connection: 'indirect' }] };
    expect(changedAttributes(msMailConnectorAttributes(connector), msMailConnectorAttributes(now)).map((c) => [c.label, c.opened, c.now])).toEqual([
      ['Local postoffice', ['ADATUM/REDMOND'], ['ADATUM/SEATTLE']],
      ['Connections', ['FINNET/PO1 (direct)'], ['FINNET/PO1 (indirect)']],
    ]);
  });
});
