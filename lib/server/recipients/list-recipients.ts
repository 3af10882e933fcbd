import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { findSiteFor } from '@/lib/server/sites/find-site';
import { recipientFilter } from './recipient-filter';
import type { RecipientKind } from '@/lib/validation/recipient';
import type { RecipientListQuery, RecipientSortKey } from '@/lib/validation/recipient-list';

export type RecipientRow = {
  id: number;
  kind: RecipientKind;
  directoryName: string;
  displayName: string;
  alias: string;
  primarySmtpAddress: string | null;
};

export type RecipientPage = {
  site: string;
  rows: RecipientRow[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  sort: string;
  q: string;
};

const rowSelect = {
  id: true,
  kind: true,
  directoryName: true,
  displayName: true,
  alias: true,
  proxyAddresses: { where: { type: 'SMTP', primary: true }, select: { address: true }, take: 1 },
} satisfies Prisma.RecipientSelect;

/**
 * One page of a site's Recipients container. Only the page is read: the container may hold
 * 100,000 recipients. The text filter matches display name, alias or directory name anywhere,
 * or the start of any proxy address (SMTP "bob@", MS "ADATUM/REDMOND/B").
 */
export async function listRecipients(query: RecipientListQuery): Promise<RecipientPage> {
  const site = await findSiteFor('view', query.site);
  const q = query.q?.trim() ?? '';
  const where = recipientFilter(site.id, { kinds: query.kind ? [query.kind] : undefined, q });
  const descending = query.sort.startsWith('-');
  const key = (descending ? query.sort.slice(1) : query.sort) as RecipientSortKey;
  const direction = descending ? 'desc' : 'asc';
  const total = await db.recipient.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / query.perPage));
  const page = Math.min(query.page, pageCount);
  const rows = await db.recipient.findMany({
    where,
    select: rowSelect,
    orderBy: key === 'kind' ? [{ kind: direction }, { displayName: 'asc' }, { id: 'asc' }] : [{ [key]: direction }, { id: 'asc' }],
    skip: (page - 1) * query.perPage,
    take: query.perPage,
  });
  return {
    site: site.name,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind as RecipientKind,
      directoryName: r.directoryName,
      displayName: r.displayName,
      alias: r.alias,
      primarySmtpAddress: r.proxyAddresses[0]?.address ?? null,
    })),
    total,
    page,
    perPage: query.perPage,
    pageCount,
    sort: query.sort,
    q,
  };
}
