import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSmtpAddress, splitSmtp } from '../addresses';
import { buildDirectory, findProxyHolders, findReplyProxy, findSmtpHolders, replyProxyOf } from './directory';
import { domainKey } from './routing-table';
import { administrator, bob, mailbox } from './test-fixtures';

describe('buildDirectory and its lookups', () => {
  it('finds an SMTP holder from the split address as findProxyHolders does, whatever the case or IDN form', () => {
    const recipients = [administrator(), bob('smtp:bob@exämple.com', 'smtp:Bob.Kelly+x@Cpandl.NET')];
    const directory = buildDirectory(recipients);
    for (const address of ['bob@adatum.com', 'BOB@ADATUM.COM', 'bob@xn--exmple-cua.com', 'Bob@EXÄMPLE.com', 'bob.kelly+X@cpandl.net', 'nobody@adatum.com']) {
      const { local, domain } = splitSmtp(address)!;
      expect(findSmtpHolders(directory, local, domainKey(domain)), address).toEqual(findProxyHolders(directory, 'SMTP', address));
    }
    expect(findSmtpHolders(directory, 'Bob', 'xn--exmple-cua.com').map((h) => h.recipient.id)).toEqual([2]);
  });

  it("keys a valid address's domain as the routing table does (domainKey), so one key serves both", () => {
    const domains = ['adatum.com', 'ADATUM.com', 'exämple.com', 'EXÄMPLE.COM', 'xn--exmple-cua.com', 'x.sea.com', '[192.0.2.1]', 'bücher.example'];
    for (const domain of domains) {
      const read = readSmtpAddress(`bob@${domain}`);
      expect(read.ok && read.smtp.domainKey, domain).toBe(domainKey(domain));
    }
  });

  it('property: the SMTP lookup from parts finds the same holders as the lookup from the address', () => {
    const local = fc.constantFrom('bob', 'BOB', 'Bob.Kelly', '"a b"', '"a:b"', 'postmaster');
    const domain = fc.constantFrom('adatum.com', 'ADATUM.com', 'exämple.com', 'EXÄMPLE.COM', 'xn--exmple-cua.com', 'sea.com', '[192.0.2.1]');
    const held = fc.array(fc.tuple(local, domain, fc.boolean()), { maxLength: 6 });
    fc.assert(
      fc.property(held, local, domain, (proxyList, l, d) => {
        const directory = buildDirectory([mailbox(1, 'One', proxyList.map(([pl, pd, primary]) => `${primary ? 'SMTP' : 'smtp'}:${pl}@${pd}`))]);
        expect(findSmtpHolders(directory, l, domainKey(d))).toEqual(findProxyHolders(directory, 'SMTP', `${l}@${d}`));
      }),
      { numRuns: 500 },
    );
  });

  it("gives each holder its recipient's reply address of the holder's type, as a search of the proxies would", () => {
    const recipient = mailbox(7, 'Mixed', ['smtp:second@adatum.com', 'SMTP:first@adatum.com', 'MS:ADATUM/REDMOND/MIXED', 'notes:Mixed/Adatum']);
    const directory = buildDirectory([recipient]);
    for (const holders of directory.proxies.values()) {
      for (const holder of holders) {
        expect(replyProxyOf(holder)).toBe(findReplyProxy(recipient, holder.proxy.type.toUpperCase()));
        // A holder made by hand (not by buildDirectory) is searched for instead: the same answer.
        expect(replyProxyOf({ recipient: holder.recipient, proxy: holder.proxy })).toBe(replyProxyOf(holder));
      }
    }
    expect(findReplyProxy(recipient, 'SMTP')?.address).toBe('first@adatum.com');
    expect(findReplyProxy(recipient, 'MS')?.address).toBe('ADATUM/REDMOND/MIXED');
    expect(findReplyProxy(recipient, 'NOTES')).toBeNull();
    // A type stored in lower case still names the reply address of its upper-case type.
    const lower = mailbox(8, 'Lower', []);
    lower.proxies.push({ type: 'smtp', address: 'x@adatum.com', primary: true });
    expect(findReplyProxy(lower, 'SMTP')?.address).toBe('x@adatum.com');
    expect(replyProxyOf(buildDirectory([lower]).proxies.get('SMTP:x@adatum.com')![0])?.address).toBe('x@adatum.com');
  });
});
