import 'server-only';
import { proxyUniqueKey } from '@/lib/core/addresses';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RecipientKind } from '@/lib/validation/recipient';

/**
 * The Recipients container's filter, shared by the list and Directory Export (so exporting a
 * filtered view writes what the list shows): the site, optionally the kinds, and a text that
 * matches display name, alias or directory name anywhere, or the start of any proxy address
 * (SMTP "bob@", MS "ADATUM/REDMOND/B").
 */
export function recipientFilter(siteId: number, { kinds, q }: { kinds?: readonly RecipientKind[]; q?: string }): Prisma.RecipientWhereInput {
  const text = q?.trim() ?? '';
  return {
    siteId,
    ...(kinds?.length ? { kind: kinds.length === 1 ? kinds[0] : { in: [...kinds] } } : {}),
    ...(text
      ? {
          OR: [
            { displayName: { contains: text } },
            { alias: { contains: text } },
            { directoryName: { contains: text } },
            ...proxyKeyPrefixes(text).map((prefix) => ({ proxyAddresses: { some: { uniqueKey: { startsWith: prefix } } } })),
          ],
        }
      : {}),
  };
}

/**
 * Prefixes of ProxyAddress.uniqueKey (an indexed column) to match: "smtp:Bob@" searches that
 * type only; a bare "bob@" searches every case-folded type.
 */
function proxyKeyPrefixes(q: string): string[] {
  const written = /^([A-Za-z0-9-]+):(.*)$/.exec(q);
  if (written) return [proxyUniqueKey(written[1], written[2])];
  return ['SMTP', 'MS', 'X400', 'CCMAIL'].map((type) => proxyUniqueKey(type, q));
}
