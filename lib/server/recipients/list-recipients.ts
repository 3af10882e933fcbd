import 'server-only';
import { db } from '@/lib/server/db';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { RecipientKind } from '@/lib/validation/recipient';
import type { RecipientListQuery } from '@/lib/validation/recipient-list';
import { type ListPageRow, listCountSql, listPageSql } from './recipient-queries';

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

/**
 * One page of a site's Recipients container, which may hold 100,000 recipients: every query
 * reads an index range and the page's rows only (recipient-queries.ts). The text filter matches
 * recipients whose display name, alias or any proxy address (SMTP "bob@", MS
 * "ADATUM/REDMOND/B", or written with its type, "smtp:bob@") begins with it, case-insensitively,
 * as Exchange Administrator's type-down does.
 */
export async function listRecipients(query: RecipientListQuery): Promise<RecipientPage> {
  const site = await findSiteFor('view', query.site);
  const q = query.q?.trim() ?? '';
  const kinds = query.kind ? [query.kind] : undefined;
  const { perPage, sort } = query;
  const pageAt = (page: number) => db.$queryRaw<ListPageRow[]>(listPageSql({ siteId: site.id, sort, q, kinds, offset: (page - 1) * perPage, limit: perPage }));
  const countAll = async () => Number((await db.$queryRaw<{ total: number | bigint }[]>(listCountSql({ siteId: site.id, q, kinds })))[0].total);

  // A filtered page carries its total; an unfiltered count is a quick index count, read alongside.
  // A page past the end has no row to carry the total: count, then show the last page.
  let page = query.page;
  let [rows, total] = await Promise.all([pageAt(page), q ? null : countAll()]);
  total ??= rows.length > 0 ? Number(rows[0].total) : page === 1 ? 0 : await countAll();
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) {
    page = pageCount;
    rows = await pageAt(page);
  }
  return {
    site: site.name,
    rows: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind as RecipientKind,
      directoryName: r.directoryName,
      displayName: r.displayName,
      alias: r.alias,
      primarySmtpAddress: r.primarySmtpAddress ?? null,
    })),
    total,
    page,
    perPage,
    pageCount,
    sort,
    q,
  };
}
