// The directory as the resolver reads it, built from plain recipient records.
import { proxyUniqueKey, smtpUniqueKey } from '../addresses';
import type { Directory, DirectoryProxy, DirectoryRecipient, ProxyHolder } from './types';

/**
 * A holder as buildDirectory makes it: it also names the recipient's reply address of the
 * holder's type, found once here so that a delivery need not search the recipient's proxies.
 */
type IndexedHolder = ProxyHolder & { reply: DirectoryProxy | null };

/** Indexes recipients by id and every proxy address by its uniqueness key (Q251152). */
export function buildDirectory(recipients: Iterable<DirectoryRecipient>): Directory {
  const byId = new Map<number, DirectoryRecipient>();
  const proxies = new Map<string, ProxyHolder[]>();
  for (const recipient of recipients) {
    byId.set(recipient.id, recipient);
    for (const proxy of recipient.proxies) {
      const key = proxyUniqueKey(proxy.type, proxy.address);
      const holder: IndexedHolder = { recipient, proxy, reply: findReplyProxy(recipient, proxy.type.toUpperCase()) };
      const holders = proxies.get(key);
      if (holders) holders.push(holder);
      else proxies.set(key, [holder]);
    }
  }
  return { recipients: byId, proxies };
}

/** The recipient's reply address of a type (given upper-case): its primary proxy of that type. */
export function findReplyProxy(recipient: DirectoryRecipient, type: string): DirectoryProxy | null {
  for (const proxy of recipient.proxies) {
    // Types are stored upper-case, so toUpperCase is rarely needed (and, being idempotent, it
    // would give the same answer when they are equal).
    if (proxy.primary && (proxy.type === type || proxy.type.toUpperCase() === type)) return proxy;
  }
  return null;
}

/** The reply address of the holder's recipient and type: as buildDirectory found it, else searched for. */
export function replyProxyOf(holder: ProxyHolder): DirectoryProxy | null {
  return 'reply' in holder ? (holder as IndexedHolder).reply : findReplyProxy(holder.recipient, holder.proxy.type.toUpperCase());
}

const NONE: readonly ProxyHolder[] = [];

/** The recipients holding a proxy address (primary or secondary), compared as Exchange does. */
export function findProxyHolders(directory: Directory, type: string, address: string): readonly ProxyHolder[] {
  return directory.proxies.get(proxyUniqueKey(type, address)) ?? NONE;
}

/** findProxyHolders for an SMTP address already split: its local part, and its domain as domainKey gives it. */
export function findSmtpHolders(directory: Directory, local: string, domainKey: string): readonly ProxyHolder[] {
  return directory.proxies.get(smtpUniqueKey(local, domainKey)) ?? NONE;
}
