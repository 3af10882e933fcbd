import 'server-only';
import { addProxy } from '@/lib/core/proxy-set';
import type { ProxyAddressInput } from '@/lib/validation/recipient';
import { changeProxySet, sameAddress } from './change-proxy-set';

/** E-mail Addresses → New: a secondary address, or the reply address when its type has none. */
export async function addProxyAddress(recipientId: number, input: ProxyAddressInput) {
  return changeProxySet(
    recipientId,
    (proxies) => addProxy(proxies, input),
    (saved) => saved.find((p) => sameAddress(p, input)),
  );
}
