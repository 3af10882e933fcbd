import 'server-only';
import { removeProxy } from '@/lib/core/proxy-set';
import { changeProxySet, indexOfProxy } from './change-proxy-set';

/** E-mail Addresses → Remove: refused for a reply address (set another one first). */
export async function removeProxyAddress(recipientId: number, proxyId: number) {
  return changeProxySet(
    recipientId,
    (proxies) => removeProxy(proxies, indexOfProxy(proxies, proxyId)),
    () => undefined,
  );
}
