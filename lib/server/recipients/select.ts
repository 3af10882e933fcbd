import 'server-only';
import { sortProxies } from '@/lib/core/proxy-set';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RecipientKind } from '@/lib/validation/recipient';

export const proxySelect = { id: true, type: true, address: true, primary: true } satisfies Prisma.ProxyAddressSelect;

const recipientRefSelect = { id: true, kind: true, directoryName: true, displayName: true } satisfies Prisma.RecipientSelect;

export const recipientDetailSelect = {
  id: true,
  kind: true,
  directoryName: true,
  alias: true,
  displayName: true,
  firstName: true,
  initials: true,
  lastName: true,
  targetAddress: true,
  version: true,
  siteId: true,
  site: { select: { name: true } },
  proxyAddresses: { select: proxySelect },
  members: { select: { member: { select: recipientRefSelect } } },
  memberOf: { select: { list: { select: recipientRefSelect } } },
} satisfies Prisma.RecipientSelect;

export type ProxyAddressDto = { id: number; type: string; address: string; primary: boolean };
export type RecipientRef = { id: number; kind: RecipientKind; directoryName: string; displayName: string };

export type RecipientDetail = {
  id: number;
  site: string;
  kind: RecipientKind;
  directoryName: string;
  alias: string;
  displayName: string;
  firstName: string;
  initials: string;
  lastName: string;
  targetAddress: string | null;
  version: number;
  proxyAddresses: ProxyAddressDto[];
  /** Distribution lists only. */
  members: RecipientRef[];
  memberOf: RecipientRef[];
};

type Row = Prisma.RecipientGetPayload<{ select: typeof recipientDetailSelect }>;

const byName = (a: RecipientRef, b: RecipientRef) => a.displayName.localeCompare(b.displayName);

export function toRecipientDetail(row: Row): RecipientDetail {
  return {
    id: row.id,
    site: row.site.name,
    kind: row.kind as RecipientKind,
    directoryName: row.directoryName,
    alias: row.alias,
    displayName: row.displayName,
    firstName: row.firstName,
    initials: row.initials,
    lastName: row.lastName,
    targetAddress: row.targetAddress,
    version: row.version,
    proxyAddresses: sortProxies(row.proxyAddresses),
    members: row.members.map((m) => m.member as RecipientRef).sort(byName),
    memberOf: row.memberOf.map((m) => m.list as RecipientRef).sort(byName),
  };
}
