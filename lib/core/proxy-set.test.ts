import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ProxyEntry,
  addProxy,
  canSetReplyAddress,
  checkProxySet,
  editProxy,
  removeProxy,
  setReplyAddress,
  sortProxies,
} from './proxy-set';

const p = (type: string, address: string, primary = false): ProxyEntry => ({ type, address, primary });

/** Bob's generated addresses, plus one secondary SMTP address (Q174351). */
const bob = (): ProxyEntry[] => [
  p('X400', 'c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;', true),
  p('MS', 'ADATUM/REDMOND/BOB', true),
  p('SMTP', 'bob@adatum.com', true),
  p('SMTP', 'bob@domain2.com'),
];

/** The proxies of a successful edit; fails the test with the message otherwise. */
function proxiesOf<T extends ProxyEntry>(edit: { ok: true; proxies: T[] } | { ok: false; message: string }): T[] {
  if (!edit.ok) throw new Error(`expected success, got: ${edit.message}`);
  return edit.proxies;
}

const written = (proxies: ProxyEntry[]) => proxies.map((x) => `${x.primary ? x.type : x.type.toLowerCase()}:${x.address}`);

describe('addProxy', () => {
  it('makes the first address of a type the reply address', () => {
    expect(written(proxiesOf(addProxy([], { type: 'SMTP', address: 'bob@adatum.com' })))).toEqual(['SMTP:bob@adatum.com']);
    expect(written(proxiesOf(addProxy(bob(), { type: 'NOTES', address: 'Bob/Adatum', primary: false })))).toEqual([
      'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;',
      'MS:ADATUM/REDMOND/BOB',
      'SMTP:bob@adatum.com',
      'smtp:bob@domain2.com',
      'NOTES:Bob/Adatum',
    ]);
  });

  it('adds a further address of a type as secondary', () => {
    expect(written(proxiesOf(addProxy(bob(), { type: 'SMTP', address: 'bob@cpandl.net' }))).slice(2)).toEqual([
      'SMTP:bob@adatum.com',
      'smtp:bob@domain2.com',
      'smtp:bob@cpandl.net',
    ]);
  });

  it('makes the new address the reply address when asked, demoting the old one', () => {
    expect(written(proxiesOf(addProxy(bob(), { type: 'SMTP', address: 'bob@cpandl.net', primary: true }))).slice(2)).toEqual([
      'smtp:bob@adatum.com',
      'smtp:bob@domain2.com',
      'SMTP:bob@cpandl.net',
    ]);
  });

  it('normalises the type as typed', () => {
    expect(proxiesOf(addProxy([], { type: ' smtp ', address: 'bob@adatum.com' }))).toEqual([p('SMTP', 'bob@adatum.com', true)]);
    expect(written(proxiesOf(addProxy(bob(), { type: 'smtp', address: 'bob@cpandl.net' }))).at(-1)).toBe('smtp:bob@cpandl.net');
  });

  it('refuses an address this recipient already has, compared as the organisation compares', () => {
    const duplicate = { ok: false, message: 'This e-mail address already exists on this recipient.', field: 'address' };
    expect(addProxy(bob(), { type: 'SMTP', address: 'BOB@Domain2.com' })).toEqual(duplicate);
    expect(addProxy(bob(), { type: 'ms', address: 'adatum/redmond/bob' })).toEqual(duplicate);
    // The same text under another type is another address.
    expect(proxiesOf(addProxy(bob(), { type: 'NOTES', address: 'bob@adatum.com' }))).toHaveLength(5);
  });

  it('refuses an invalid address or type, naming the field', () => {
    expect(addProxy(bob(), { type: 'SMTP', address: 'bob' })).toEqual({
      ok: false,
      message: 'An Internet address must have the form name@domain (for example bob@adatum.com).',
      field: 'address',
    });
    expect(addProxy(bob(), { type: 'MS MAIL', address: 'x' })).toEqual({
      ok: false,
      message: expect.stringMatching(/^The address type must be 1–16 letters/),
      field: 'type',
    });
    expect(addProxy(bob(), { type: '', address: 'x' })).toEqual({ ok: false, message: 'The address type is empty.', field: 'type' });
  });

  it('keeps the extra fields of held entries and builds new ones with make', () => {
    type Row = ProxyEntry & { key: string };
    const rows: Row[] = [{ id: 7, type: 'SMTP', address: 'bob@adatum.com', primary: true, key: 'a' }];
    const result = proxiesOf(addProxy(rows, { type: 'SMTP', address: 'bob@cpandl.net', primary: true }, (e) => ({ ...e, key: 'new' })));
    expect(result).toEqual([
      { id: 7, type: 'SMTP', address: 'bob@adatum.com', primary: false, key: 'a' },
      { type: 'SMTP', address: 'bob@cpandl.net', primary: true, key: 'new' },
    ]);
    expect(rows[0].primary).toBe(true); // the held state is not changed
  });
});

describe('editProxy', () => {
  it('changes the address and keeps its type and reply flag', () => {
    const result = proxiesOf(editProxy(bob(), 2, 'robert@adatum.com'));
    expect(result[2]).toEqual(p('SMTP', 'robert@adatum.com', true));
    expect(result[3]).toEqual(p('SMTP', 'bob@domain2.com'));
  });

  it('accepts a change of case of the same address', () => {
    expect(proxiesOf(editProxy(bob(), 3, 'Bob@Domain2.com'))[3]).toEqual(p('SMTP', 'Bob@Domain2.com'));
  });

  it("checks the new address by the entry's type", () => {
    expect(editProxy(bob(), 1, 'ADATUM/REDMOND/BOBBYTABLES1')).toEqual({
      ok: false,
      message: "The mailbox name 'BOBBYTABLES1' must be 1–10 letters or digits.",
      field: 'address',
    });
  });

  it('refuses to make it a copy of another address of the recipient', () => {
    expect(editProxy(bob(), 3, 'BOB@adatum.com')).toEqual({
      ok: false,
      message: 'This e-mail address already exists on this recipient.',
      field: 'address',
    });
  });

  it('refuses an index that is not there', () => {
    expect(editProxy(bob(), 4, 'x@adatum.com')).toEqual({ ok: false, message: 'That address no longer exists.', field: 'proxy' });
  });
});

describe('removeProxy', () => {
  it('removes a secondary address', () => {
    expect(written(proxiesOf(removeProxy(bob(), 3)))).toEqual([
      'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;',
      'MS:ADATUM/REDMOND/BOB',
      'SMTP:bob@adatum.com',
    ]);
  });

  it('refuses to remove a reply address while others of its type exist, telling what to do', () => {
    expect(removeProxy(bob(), 2)).toEqual({
      ok: false,
      message: 'SMTP:bob@adatum.com is the reply address. Set another SMTP address as the reply address before removing it.',
      field: 'proxy',
    });
  });

  it('refuses to remove the only address of a type, saying it is the only one', () => {
    expect(removeProxy(bob(), 1)).toEqual({
      ok: false,
      message: 'MS:ADATUM/REDMOND/BOB is the only MS address of this recipient and its reply address; it cannot be removed.',
      field: 'proxy',
    });
  });

  it('removes the old reply address once another is the reply address', () => {
    const swapped = proxiesOf(setReplyAddress(bob(), 3));
    expect(written(proxiesOf(removeProxy(swapped, 2))).slice(2)).toEqual(['SMTP:bob@domain2.com']);
  });

  it('refuses an index that is not there', () => {
    expect(removeProxy(bob(), -1)).toEqual({ ok: false, message: 'That address no longer exists.', field: 'proxy' });
  });
});

describe('setReplyAddress and canSetReplyAddress', () => {
  it('makes the chosen address the only reply address of its type, leaving other types alone', () => {
    expect(written(proxiesOf(setReplyAddress(bob(), 3)))).toEqual([
      'X400:c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;',
      'MS:ADATUM/REDMOND/BOB',
      'smtp:bob@adatum.com',
      'SMTP:bob@domain2.com',
    ]);
  });

  it('changes nothing when the address is already the reply address', () => {
    expect(proxiesOf(setReplyAddress(bob(), 2))).toEqual(bob());
  });

  it('refuses an index that is not there', () => {
    expect(setReplyAddress(bob(), 9)).toEqual({ ok: false, message: 'That address no longer exists.', field: 'proxy' });
  });

  it('offers Set As Reply Address only on a secondary address of a type with more than one', () => {
    expect([0, 1, 2, 3, 4].map((i) => canSetReplyAddress(bob(), i))).toEqual([false, false, false, true, false]);
  });
});

describe('checkProxySet', () => {
  it('accepts a well-formed set, and an empty one', () => {
    expect(checkProxySet(bob())).toEqual({ ok: true });
    expect(checkProxySet([])).toEqual({ ok: true });
  });

  it('refuses an invalid address, naming it', () => {
    expect(checkProxySet([...bob(), p('SMTP', 'bob')])).toEqual({
      ok: false,
      message: 'SMTP:bob: An Internet address must have the form name@domain (for example bob@adatum.com).',
      index: 4,
    });
  });

  it('refuses the same address twice, compared case-insensitively', () => {
    expect(checkProxySet([...bob(), p('SMTP', 'BOB@DOMAIN2.COM')])).toEqual({
      ok: false,
      message: 'SMTP:BOB@DOMAIN2.COM appears twice on this recipient.',
      index: 4,
    });
  });

  it('refuses two reply addresses of a type', () => {
    expect(checkProxySet([...bob(), p('SMTP', 'bob@cpandl.net', true)])).toEqual({
      ok: false,
      message: 'There can be only one SMTP reply address.',
      index: 4,
    });
  });

  it('refuses a type with no reply address', () => {
    expect(checkProxySet([p('SMTP', 'bob@adatum.com', true), p('MS', 'ADATUM/REDMOND/BOB')])).toEqual({
      ok: false,
      message: 'The MS addresses have no reply address.',
      index: 1,
    });
  });
});

describe('sortProxies', () => {
  it('lists X400, MS, SMTP, CCMAIL then other types, the reply address first', () => {
    const shuffled = [p('NOTES', 'b'), p('SMTP', 'a@x.com'), p('SMTP', 'z@x.com', true), p('CCMAIL', 'A at B', true), p('FAX', '1', true), p('MS', 'A/B/C', true), p('X400', 'c=US;a= ;', true)];
    expect(written(sortProxies(shuffled))).toEqual([
      'X400:c=US;a= ;',
      'MS:A/B/C',
      'SMTP:z@x.com',
      'smtp:a@x.com',
      'CCMAIL:A at B',
      'FAX:1',
      'notes:b',
    ]);
  });
});

describe('E-mail Addresses tab sequences (property)', () => {
  const domains = ['adatum.com', 'cpandl.net', 'domain2.com', 'exämple.com', 'xn--exmple-cua.com'];
  const locals = ['bob', 'Bob', 'BOB', 'robert', 'postmaster', 'a.b'];
  const address = fc.oneof(
    fc.record({ type: fc.constantFrom('SMTP', 'smtp'), address: fc.tuple(fc.constantFrom(...locals), fc.constantFrom(...domains)).map(([l, d]) => `${l}@${d}`) }),
    fc.record({ type: fc.constant('MS'), address: fc.constantFrom('ADATUM/REDMOND/BOB', 'adatum/redmond/bob', 'OLDNET/OLDPO/BOB') }),
    fc.record({ type: fc.constant('NOTES'), address: fc.constantFrom('Bob/Adatum', 'bob/adatum', ' ') }),
    fc.record({ type: fc.constant('X400'), address: fc.constantFrom('c=US;a= ;p=ADATUM;o=REDMOND;s=Bob;', 'c=US;a= ;g=Bob;') }),
  );
  const step = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), entry: address, primary: fc.option(fc.boolean(), { nil: undefined }) }),
    fc.record({ kind: fc.constant('edit' as const), index: fc.nat(12), entry: address }),
    fc.record({ kind: fc.constant('remove' as const), index: fc.nat(12) }),
    fc.record({ kind: fc.constant('reply' as const), index: fc.nat(12) }),
  );

  it('keeps checkProxySet ok whatever the admin clicks, without changing the held state', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let proxies: ProxyEntry[] = [];
        for (const s of steps) {
          const before = proxies;
          const snapshot = structuredClone(proxies);
          const result =
            s.kind === 'add'
              ? addProxy(proxies, { ...s.entry, primary: s.primary })
              : s.kind === 'edit'
                ? editProxy(proxies, s.index, s.entry.address)
                : s.kind === 'remove'
                  ? removeProxy(proxies, s.index)
                  : setReplyAddress(proxies, s.index);
          if (result.ok) proxies = result.proxies;
          expect(before).toEqual(snapshot); // the held state is never changed in place
          expect(checkProxySet(proxies)).toEqual({ ok: true });
          // A type present always has exactly one reply address.
          for (const type of new Set(proxies.map((x) => x.type))) {
            expect(proxies.filter((x) => x.type === type && x.primary)).toHaveLength(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a removal take away the last address of a type, nor a reply address', () => {
    fc.assert(
      fc.property(fc.array(address, { minLength: 1, maxLength: 8 }), fc.nat(8), (entries, index) => {
        let proxies: ProxyEntry[] = [];
        for (const e of entries) {
          const r = addProxy(proxies, e);
          if (r.ok) proxies = r.proxies;
        }
        const target = proxies[index];
        const result = removeProxy(proxies, index);
        if (target === undefined) expect(result.ok).toBe(false);
        else if (target.primary) {
          expect(result).toMatchObject({ ok: false, field: 'proxy', message: expect.stringContaining(`${target.type}:${target.address} is the`) });
        } else {
          expect(proxiesOf(result)).toEqual(proxies.filter((_, i) => i !== index));
        }
      }),
    );
  });
});
