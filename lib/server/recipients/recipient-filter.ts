import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RecipientKind } from '@/lib/validation/recipient';
import { type AddressMatch, type KeyRange, recipientTextMatch } from './recipient-queries';

/**
 * The Recipients container's filter as a Prisma `where`, for Directory Export (so exporting a
 * filtered view writes what the list shows; the list itself runs recipient-queries.ts's SQL).
 * The same ranges (recipientTextMatch): the site, optionally the kinds, and a text that the
 * display name, the alias or any proxy address begins with, case-insensitively ("begins with",
 * as Exchange Administrator's type-down; `smtp:bob@` searches that type only). Key ranges, never
 * LIKE (Prisma's startsWith/contains), so `%` and `_` are plain characters and an index answers.
 */
export function recipientFilter(siteId: number, { kinds, q }: { kinds?: readonly RecipientKind[]; q?: string }): Prisma.RecipientWhereInput {
  const text = q?.trim() ?? '';
  const match = text ? recipientTextMatch(text) : null;
  return {
    siteId,
    ...(kinds?.length ? { kind: kinds.length === 1 ? kinds[0] : { in: [...kinds] } } : {}),
    ...(match
      ? {
          OR: [
            { displayNameKey: range(match.name) },
            { aliasKey: range(match.name) },
            { proxyAddresses: { some: addressWhere(match.address) } },
          ],
        }
      : {}),
  };
}

function range({ from, to }: KeyRange): Prisma.StringFilter {
  return to === null ? { gte: from } : { gte: from, lt: to };
}

function addressWhere(match: AddressMatch): Prisma.ProxyAddressWhereInput {
  if (match.column === 'uniqueKey') return { uniqueKey: range(match.range) };
  return { addressKey: range(match.range), ...(match.type !== undefined ? { type: match.type } : {}) };
}
