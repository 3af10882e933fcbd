import 'server-only';
import { visibleSites } from '@/lib/core/auth/permissions';
import { currentActor } from '@/lib/server/auth/actor';
import { db } from '@/lib/server/db';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { RecipientKind } from '@/lib/validation/recipient';
import { FIND_LIMIT, type FindRecipientsQuery } from '@/lib/validation/find-recipients';
import { type FindRow, findRecipientsSql } from './recipient-queries';

export type FoundRecipient = {
  id: number;
  site: string;
  kind: RecipientKind;
  directoryName: string;
  displayName: string;
  alias: string;
  /** When searching by address: the address that matched, written `smtp:bob@old.example` (upper-case type: the reply address). */
  matchedAddress: string | null;
};

export type FindRecipientsResult = { results: FoundRecipient[]; more: boolean };

/**
 * Tools → Find Recipients (Exchange 5.5's dialog): the recipients whose display name, alias and
 * an address (any type, or the type written `smtp:`) begin with what is given, case-insensitively,
 * in one site ("Look in") or in every site the administrator may see; at most FIND_LIMIT, by
 * display name, and `more` when others match too. A site without a role does not exist for the
 * administrator: naming it is a 404, and the whole organization means the sites they can see.
 */
export async function findRecipients(query: FindRecipientsQuery): Promise<FindRecipientsResult> {
  const siteIds = query.site !== undefined ? [(await findSiteFor('view', query.site)).id] : await visibleSiteIds();
  if (siteIds.length === 0) return { results: [], more: false };
  // One more than is listed tells whether there are more.
  const rows = await db.$queryRaw<FindRow[]>(
    findRecipientsSql({ siteIds, displayName: query.displayName, alias: query.alias, address: query.address, limit: FIND_LIMIT + 1 }),
  );
  return {
    results: rows.slice(0, FIND_LIMIT).map((row) => ({
      id: Number(row.id),
      site: row.site,
      kind: row.kind as RecipientKind,
      directoryName: row.directoryName,
      displayName: row.displayName,
      alias: row.alias,
      matchedAddress: row.matchedAddress ?? null,
    })),
    more: rows.length > FIND_LIMIT,
  };
}

async function visibleSiteIds(): Promise<number[]> {
  const [actor, sites] = await Promise.all([currentActor(), db.site.findMany({ select: { id: true }, orderBy: { id: 'asc' } })]);
  return visibleSites(actor.grants, sites.map((s) => s.id));
}
