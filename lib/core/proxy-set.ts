// The E-mail Addresses tab's rules (../shared/EXCHANGE55.md, ../shared/ROUTING.md):
// exactly one reply (primary) address per type, any number of secondary ones; a new address of a
// type that has none becomes the reply address; a reply address cannot be removed — another
// address of its type must be made the reply address first. Pure functions: the property sheet
// runs them on its held state and the server runs them again before it saves.
import { checkAddress, normalizeAddressType, parseWrittenAddress, proxyUniqueKey } from './addresses';

export type ProxyEntry = { id?: number; type: string; address: string; primary: boolean };

export type ProxyEdit<T extends ProxyEntry = ProxyEntry> =
  | { ok: true; proxies: T[] }
  | { ok: false; message: string; field: 'type' | 'address' | 'primary' | 'proxy' };

function invalid(message: string, field: 'type' | 'address' | 'primary' | 'proxy' = 'address') {
  return { ok: false as const, message, field };
}

function duplicateWithin(proxies: ProxyEntry[], type: string, address: string, except?: number) {
  const key = proxyUniqueKey(type, address);
  return proxies.findIndex((p, i) => i !== except && proxyUniqueKey(p.type, p.address) === key);
}

export function addProxy<T extends ProxyEntry>(
  proxies: T[],
  entry: { type: string; address: string; primary?: boolean },
  make: (e: ProxyEntry) => T = (e) => e as T,
): ProxyEdit<T> {
  const type = normalizeAddressType(entry.type);
  const check = checkAddress(type, entry.address);
  if (!check.ok) return invalid(check.message, check.message.startsWith('The address type') ? 'type' : 'address');
  if (duplicateWithin(proxies, type, entry.address) >= 0) {
    return invalid('This e-mail address already exists on this recipient.');
  }
  const hasType = proxies.some((p) => p.type === type);
  // A new address of a type that has none becomes the reply address.
  const primary = !hasType || entry.primary === true;
  const next = proxies.map((p) => (primary && p.type === type && p.primary ? { ...p, primary: false } : p));
  return { ok: true, proxies: [...next, make({ type, address: entry.address, primary })] };
}

export function editProxy<T extends ProxyEntry>(proxies: T[], index: number, address: string): ProxyEdit<T> {
  const current = proxies[index];
  if (!current) return invalid('That address no longer exists.', 'proxy');
  const check = checkAddress(current.type, address);
  if (!check.ok) return invalid(check.message);
  if (duplicateWithin(proxies, current.type, address, index) >= 0) {
    return invalid('This e-mail address already exists on this recipient.');
  }
  return { ok: true, proxies: proxies.map((p, i) => (i === index ? { ...p, address } : p)) };
}

export function removeProxy<T extends ProxyEntry>(proxies: T[], index: number): ProxyEdit<T> {
  const current = proxies[index];
  if (!current) return invalid('That address no longer exists.', 'proxy');
  if (current.primary) {
    const others = proxies.filter((p, i) => i !== index && p.type === current.type).length;
    return invalid(
      others === 0
        ? `${current.type}:${current.address} is the only ${current.type} address of this recipient and its reply address; it cannot be removed.`
        : `${current.type}:${current.address} is the reply address. Set another ${current.type} address as the reply address before removing it.`,
      'proxy',
    );
  }
  return { ok: true, proxies: proxies.filter((_, i) => i !== index) };
}

export function setReplyAddress<T extends ProxyEntry>(proxies: T[], index: number): ProxyEdit<T> {
  const current = proxies[index];
  if (!current) return invalid('That address no longer exists.', 'proxy');
  return {
    ok: true,
    proxies: proxies.map((p, i) => (p.type === current.type ? { ...p, primary: i === index } : p)),
  };
}

/** Set As Reply Address is offered when the selected address's type has more than one address. */
export function canSetReplyAddress(proxies: ProxyEntry[], index: number): boolean {
  const current = proxies[index];
  return !!current && !current.primary && proxies.filter((p) => p.type === current.type).length > 1;
}

/** The whole set's invariants, checked by the server before any save. */
export function checkProxySet(proxies: ProxyEntry[]): { ok: true } | { ok: false; message: string; index: number } {
  const primaries = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const [index, p] of proxies.entries()) {
    const check = checkAddress(p.type, p.address);
    if (!check.ok) return { ok: false, message: `${p.type}:${p.address}: ${check.message}`, index };
    const key = proxyUniqueKey(p.type, p.address);
    if (keys.has(key)) return { ok: false, message: `${p.type}:${p.address} appears twice on this recipient.`, index };
    keys.set(key, index);
    if (p.primary) {
      if (primaries.has(p.type)) return { ok: false, message: `There can be only one ${p.type} reply address.`, index };
      primaries.set(p.type, index);
    }
  }
  for (const [index, p] of proxies.entries()) {
    if (!primaries.has(p.type)) return { ok: false, message: `The ${p.type} addresses have no reply address.`, index };
  }
  return { ok: true };
}

/**
 * The order of the E-mail Addresses tab (and of every API answer): X.400, MS, SMTP, cc:Mail, then
 * other types by name; within a type the reply address first, then by address.
 */
export function sortProxies<T extends ProxyEntry>(proxies: T[]): T[] {
  const typeOrder = (t: string) => {
    const i = ['X400', 'MS', 'SMTP', 'CCMAIL'].indexOf(t);
    return i < 0 ? 4 : i;
  };
  return [...proxies].sort(
    (a, b) =>
      typeOrder(a.type) - typeOrder(b.type) ||
      a.type.localeCompare(b.type) ||
      Number(b.primary) - Number(a.primary) ||
      a.address.localeCompare(b.address),
  );
}

/**
 * A custom recipient's new target address (written TYPE:address, or null for none before)
 * replaces the old one as the reply address of its type; the old target is dropped, other
 * addresses of the type become secondary.
 */
export function retargetProxies<T extends ProxyEntry>(proxies: T[], oldTarget: string | null, target: { type: string; address: string }): ProxyEntry[] {
  const old = oldTarget ? parseWrittenAddress(oldTarget) : null;
  const oldKey = old ? proxyUniqueKey(old.type, old.address) : null;
  const newKey = proxyUniqueKey(target.type, target.address);
  const kept: ProxyEntry[] = proxies
    .filter((p) => proxyUniqueKey(p.type, p.address) !== oldKey && proxyUniqueKey(p.type, p.address) !== newKey)
    .map((p) => (p.type === target.type ? { ...p, primary: false } : p));
  return [...kept, { type: target.type, address: target.address, primary: true }];
}
