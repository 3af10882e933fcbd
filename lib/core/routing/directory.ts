// The directory as the resolver reads it, built from plain recipient records.
import { proxyUniqueKey } from '../addresses';
import type { Directory, DirectoryRecipient, ProxyHolder } from './types';

/** Indexes recipients by id and every proxy address by its uniqueness key (Q251152). */
export function buildDirectory(recipients: Iterable<DirectoryRecipient>): Directory {
  const byId = new Map<number, DirectoryRecipient>();
  const proxies = new Map<string, ProxyHolder[]>();
  for (const recipient of recipients) {
    byId.set(recipient.id, recipient);
    for (const proxy of recipient.proxies) {
      const key = proxyUniqueKey(proxy.type, proxy.address);
      const holders = proxies.get(key);
      if (holders) holders.push({ recipient, proxy });
      else proxies.set(key, [{ recipient, proxy }]);
    }
  }
  return { recipients: byId, proxies };
}

const NONE: readonly ProxyHolder[] = [];

/** The recipients holding a proxy address (primary or secondary), compared as Exchange does. */
export function findProxyHolders(directory: Directory, type: string, address: string): readonly ProxyHolder[] {
  return directory.proxies.get(proxyUniqueKey(type, address)) ?? NONE;
}
