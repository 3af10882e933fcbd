import 'server-only';
import { editProxy, setReplyAddress } from '@/lib/core/proxy-set';
import { changeProxySet, indexOfProxy } from './change-proxy-set';

/** E-mail Addresses → Edit (a new address of the same type) and/or Set As Reply Address. */
export async function updateProxyAddress(recipientId: number, proxyId: number, input: { address?: string; primary?: true }) {
  return changeProxySet(
    recipientId,
    (proxies) => {
      const index = indexOfProxy(proxies, proxyId);
      let result = input.address !== undefined ? editProxy(proxies, index, input.address) : ({ ok: true, proxies } as const);
      if (result.ok && input.primary) result = setReplyAddress(result.proxies, index);
      return result;
    },
    (saved, edited) => {
      const target = edited.find((p) => p.id === proxyId);
      return saved.find((p) => p.id === proxyId) ?? saved.find((p) => target && p.type === target.type && p.address === target.address);
    },
  );
}
