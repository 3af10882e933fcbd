// The SQL behind the Recipients list, its text filter and Find Recipients (issue 6): pure builders
// returning Prisma.Sql, run through `db.$queryRaw`, and printed by the benchmark with
// `EXPLAIN QUERY PLAN` (SQLite) / `EXPLAIN` (PostgreSQL) exactly as the app runs them.
//
//   listPageSql({ siteId, sort, q?, kinds?, offset, limit })  one page of a site's Recipients
//       container: id, kind, directoryName, displayName, alias, primarySmtpAddress, and (with q)
//       total, the number of matches counted with the page
//   listCountSql({ siteId, q?, kinds? })                      { total } of the same view (run
//       beside an unfiltered page; for a filtered one only when the page is past the end)
//   findRecipientsSql({ siteIds, displayName?, alias?, address?, limit })
//       Tools → Find Recipients: id, kind, directoryName, displayName, alias, site, and
//       matchedAddress (written form, "smtp:bob@old.example") when searching by address
//   findByAddressSql({ siteIds, prefix, limit })              findRecipientsSql by address alone
//   matchTextSql({ siteId, q, kinds?, sort? })                 the ids of a site that match q
//   recipientTextMatch(q), addressMatch(text)                  the key ranges a text stands for
//       (recipient-filter.ts builds Directory Export's Prisma `where` from the same ranges)
//
// Matching is "begins with", case-insensitive, as Exchange Administrator's type-down in a container
// and its Find Recipients dialog: a recipient matches q when its displayNameKey, its aliasKey or
// the addressKey of any of its proxy addresses (any type) begins with lowerCaseKey(q); q written
// `TYPE:rest` matches that type's addresses beginning with rest. Every test is a half-open key
// range (`>= from AND < to`, lib/core/search-keys.ts prefixRange) on an indexed column, never
// LIKE: `%` and `_` are plain characters, and both databases answer from an index (PostgreSQL's
// text columns are COLLATE "C", so its ranges are in the same byte order as SQLite's BINARY).
// "contains" cannot use an index and would read every recipient of a 100,000-recipient site.
//
// The SQL is written once for both databases: quoted identifiers, CAST(COUNT(*) AS INTEGER)
// (PostgreSQL's count is a bigint), a boolean column tested bare (`AND p."primary"`: SQLite
// stores 0/1, PostgreSQL a boolean), LIMIT/OFFSET, and values as parameters (Prisma.sql renders
// `?` or `$n` for the provider).
//
// No `import 'server-only'`: these functions only build SQL (no client, no request), and the
// benchmark imports them from a plain Node script.
import { proxyUniqueKey } from '@/lib/core/addresses';
import { lowerCaseKey, prefixRange } from '@/lib/core/search-keys';
import { Prisma } from '@/lib/generated/prisma/client';
import type { RecipientKind } from '@/lib/validation/recipient';
import type { RecipientSortKey } from '@/lib/validation/recipient-list';

/** Keys that begin with a prefix: [from, to), or [from, ∞) when no upper bound exists. */
export type KeyRange = { from: string; to: string | null };

/**
 * Where a text is looked for among proxy addresses:
 * - `addressKey`: lowerCaseKey(address) begins with the text, of any type or of `type` only;
 * - `uniqueKey`: ProxyAddress.uniqueKey (the unique, indexed key "SMTP:bob@adatum.com") in the range.
 */
export type AddressMatch = { column: 'addressKey'; range: KeyRange; type?: string } | { column: 'uniqueKey'; range: KeyRange };

/** The ranges one search text stands for (see recipientTextMatch). */
export type TextMatch = { name: KeyRange; address: AddressMatch };

/** The range of keys beginning with lowerCaseKey(prefix). */
export function keyRange(prefix: string): KeyRange {
  // prefixRange is null for '' (and for a prefix of U+10FFFF alone): nothing above bounds it.
  return prefixRange(prefix) ?? { from: lowerCaseKey(prefix), to: null };
}

// `smtp:bob@`, `X400:c=US`, `NOTES:x`: a type as Site Addressing and the E-mail Addresses tab name them.
const WRITTEN = /^([A-Za-z0-9-]{1,16}):(.*)$/s;

/**
 * An address search: bare text ("bob@", "ADATUM/REDMOND/B") is the start of an address of any
 * type; `TYPE:rest` is the start of an address of that type.
 */
export function addressMatch(text: string): AddressMatch {
  const written = WRITTEN.exec(text);
  if (!written) return { column: 'addressKey', range: keyRange(text) };
  const type = written[1].toUpperCase();
  const rest = written[2];
  // The unique key's own index answers a typed search (as the Recipients filter always did) when
  // the key of the typed prefix is the type and the lower-case key of the prefix, and the type's
  // keys are case-folded (SMTP, MS, X400, CCMAIL): then the keys beginning with it are exactly
  // the addresses of that type beginning with `rest`, whatever their case. Otherwise (another
  // type keeps its case in uniqueKey; a non-ASCII SMTP domain is keyed in its IDNA form, which a
  // partial domain does not map onto) search addressKey and the type.
  const foldsCase = proxyUniqueKey(type, 'A') === `${type}:a`;
  if (foldsCase && proxyUniqueKey(type, rest) === `${type}:${lowerCaseKey(rest)}`) {
    const range = keyRange(rest);
    // `T:` alone: every key of that type, up to `T;` (':' + 1).
    return { column: 'uniqueKey', range: { from: `${type}:${range.from}`, to: range.to === null ? `${type};` : `${type}:${range.to}` } };
  }
  return { column: 'addressKey', range: keyRange(rest), type };
}

/** The Recipients list's text filter: display name or alias begins with q, or an address does. */
export function recipientTextMatch(q: string): TextMatch {
  return { name: keyRange(q), address: addressMatch(q) };
}

// ---- fragments -------------------------------------------------------------------------------

const COLUMN = {
  displayNameKey: Prisma.raw('"displayNameKey"'),
  aliasKey: Prisma.raw('"aliasKey"'),
  addressKey: Prisma.raw('"addressKey"'),
  uniqueKey: Prisma.raw('"uniqueKey"'),
} as const;

/**
 * `alias.column >= from AND alias.column < to`. `unindexed` writes the column as `column || ''`
 * (the same text) so that no index on it can answer the test: see recipientAddressCondition.
 */
function inRange(alias: 'r' | 'p', column: keyof typeof COLUMN, range: KeyRange, { unindexed = false } = {}): Prisma.Sql {
  const col = unindexed ? Prisma.sql`(${Prisma.raw(alias)}.${COLUMN[column]} || '')` : Prisma.sql`${Prisma.raw(alias)}.${COLUMN[column]}`;
  return range.to === null ? Prisma.sql`${col} >= ${range.from}` : Prisma.sql`${col} >= ${range.from} AND ${col} < ${range.to}`;
}

/** The proxy address condition on `p` (a ProxyAddress), answered from its key's index. */
function addressCondition(match: AddressMatch, options?: { unindexed: boolean }): Prisma.Sql {
  if (match.column === 'uniqueKey') return inRange('p', 'uniqueKey', match.range, options);
  const range = inRange('p', 'addressKey', match.range, options);
  return match.type === undefined ? range : Prisma.sql`${range} AND p."type" = ${match.type}`;
}

/**
 * The same condition for one recipient's addresses (`p."recipientId" = r."id"` beside it): read
 * that recipient's few addresses through ProxyAddress (recipientId, type) and test each.
 * PostgreSQL would otherwise weigh the prefix's index against the recipient's, and it cannot
 * tell how many addresses a prefix covers ("victor" was estimated at 1 row and covers thousands;
 * walking them for every candidate took seconds).
 */
function recipientAddressCondition(match: AddressMatch): Prisma.Sql {
  return addressCondition(match, { unindexed: true });
}

function kindCondition(kinds: readonly RecipientKind[] | undefined): Prisma.Sql {
  if (!kinds?.length) return Prisma.empty;
  return kinds.length === 1 ? Prisma.sql` AND r."kind" = ${kinds[0]}` : Prisma.sql` AND r."kind" IN (${Prisma.join([...kinds])})`;
}

/** The columns a sort reads, in order; each order ends on a unique key (see orderBy). */
function sortColumns(sort: string): { columns: string[]; descending: boolean } {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as RecipientSortKey;
  const columns: Record<RecipientSortKey, string[]> = {
    displayName: ['displayNameKey', 'id'],
    alias: ['aliasKey', 'id'],
    kind: ['kind', 'displayNameKey', 'id'],
    // Unique in a site: no tie to break (and an added id would keep PostgreSQL off the index).
    directoryName: ['directoryName'],
  };
  return { columns: columns[key], descending };
}

/**
 * The list's orders, each ending on a unique key so a page boundary is stable; descending
 * reverses every key. Each is the order of an index, so a page is read from the index:
 * displayName → (siteId, displayNameKey, id); alias → (siteId, aliasKey, id);
 * kind → (siteId, kind, displayNameKey, id); directoryName → unique (siteId, directoryName).
 * Sorting on the keys (lower case) is case-insensitive: a, B, c.
 */
function orderBy(sort: string, alias: 'r' | 'm'): Prisma.Sql {
  const { columns, descending } = sortColumns(sort);
  return Prisma.raw(`ORDER BY ${columns.map((c) => `${alias}."${c}"${descending ? ' DESC' : ''}`).join(', ')}`);
}

/**
 * The ids of a site's recipients matching q (and of `kinds`), with the columns `sort` orders by
 * (so the page is cut from this set without joining every match back to Recipient): the UNION of
 * three index range scans, Recipient (siteId, displayNameKey), Recipient (siteId, aliasKey), and
 * ProxyAddress (addressKey) or (uniqueKey) then its recipient by primary key. Each reads only what
 * matches; UNION keeps a recipient found by several of them once.
 */
export function matchTextSql({ siteId, q, kinds, sort }: { siteId: number; q: string; kinds?: readonly RecipientKind[]; sort?: string }): Prisma.Sql {
  const match = recipientTextMatch(q);
  const kind = kindCondition(kinds);
  const columns = Prisma.raw(['id', ...(sort ? sortColumns(sort).columns.filter((c) => c !== 'id') : [])].map((c) => `r."${c}"`).join(', '));
  // CROSS JOIN makes SQLite read ProxyAddress first (its planner keeps the written order for a
  // CROSS JOIN, and without statistics it would rather walk the whole site by siteId and probe
  // each recipient's addresses); PostgreSQL plans it as the inner join it is.
  return Prisma.sql`SELECT ${columns} FROM "Recipient" r WHERE r."siteId" = ${siteId} AND ${inRange('r', 'displayNameKey', match.name)}${kind}
UNION
SELECT ${columns} FROM "Recipient" r WHERE r."siteId" = ${siteId} AND ${inRange('r', 'aliasKey', match.name)}${kind}
UNION
SELECT ${columns} FROM "ProxyAddress" p CROSS JOIN "Recipient" r WHERE ${addressCondition(match.address)} AND r."id" = p."recipientId" AND r."siteId" = ${siteId}${kind}`;
}

// ---- the Recipients list ---------------------------------------------------------------------

export type ListQueryInput = {
  siteId: number;
  /** `displayName`, `-alias`, ... (lib/validation/recipient-list.ts). */
  sort: string;
  /** The text filter, already trimmed; '' or undefined for none. */
  q?: string;
  kinds?: readonly RecipientKind[];
  offset: number;
  limit: number;
};

/** A row of listPageSql. `total` (filtered pages only): how many match, counted with the page. */
export type ListPageRow = {
  id: number;
  kind: string;
  directoryName: string;
  displayName: string;
  alias: string;
  primarySmtpAddress: string | null;
  total?: number | bigint;
};

/**
 * One page of the list. The page's ids are chosen first, in a subquery that reads only the index:
 * without a filter, a walk of the sort's index that skips `offset` entries and stops after
 * `limit` (no sort of the site, however deep the page); with a filter, the matching ids
 * (matchTextSql) ordered and cut, and counted on the way (`total`, COUNT(*) OVER (): the set is
 * read whole for the order anyway, so the count costs no second pass). Only then are the page's
 * rows read, by primary key, with their SMTP reply address (ProxyAddress (recipientId, type)):
 * for `limit` rows, not for every match.
 */
export function listPageSql({ siteId, sort, q, kinds, offset, limit }: ListQueryInput): Prisma.Sql {
  const pageIds = q
    ? Prisma.sql`SELECT m."id", CAST(COUNT(*) OVER () AS INTEGER) AS "total" FROM (${matchTextSql({ siteId, q, kinds, sort })}) m ${orderBy(sort, 'm')} LIMIT ${limit} OFFSET ${offset}`
    : Prisma.sql`SELECT r."id" FROM "Recipient" r WHERE r."siteId" = ${siteId}${kindCondition(kinds)} ${orderBy(sort, 'r')} LIMIT ${limit} OFFSET ${offset}`;
  return Prisma.sql`SELECT r."id", r."kind", r."directoryName", r."displayName", r."alias",
  (SELECT p."address" FROM "ProxyAddress" p WHERE p."recipientId" = r."id" AND p."type" = ${'SMTP'} AND p."primary" ORDER BY p."id" LIMIT 1) AS "primarySmtpAddress"${q ? Prisma.sql`, pg."total"` : Prisma.empty}
FROM (${pageIds}) pg JOIN "Recipient" r ON r."id" = pg."id"
${orderBy(sort, 'r')}`;
}

/**
 * How many recipients the list's view holds: an index-only count of the site's siteId range, or
 * the matching ids counted (for a filtered page past the end, where listPageSql has no row to
 * carry its total).
 */
export function listCountSql({ siteId, q, kinds }: Pick<ListQueryInput, 'siteId' | 'q' | 'kinds'>): Prisma.Sql {
  return q
    ? Prisma.sql`SELECT CAST(COUNT(*) AS INTEGER) AS "total" FROM (${matchTextSql({ siteId, q, kinds })}) m`
    : Prisma.sql`SELECT CAST(COUNT(*) AS INTEGER) AS "total" FROM "Recipient" r WHERE r."siteId" = ${siteId}${kindCondition(kinds)}`;
}

// ---- Find Recipients ---------------------------------------------------------------------------

export type FindQueryInput = {
  /** The sites to look in (those the administrator may see); at least one. */
  siteIds: readonly number[];
  /** Each "begins with"; blank ones are not searched; combined with AND. At least one given. */
  displayName?: string;
  alias?: string;
  /** Bare or `TYPE:rest`. */
  address?: string;
  limit: number;
};

/** A row of findRecipientsSql; `matchedAddress` only when searching by address. */
export type FindRow = {
  id: number;
  kind: string;
  directoryName: string;
  displayName: string;
  alias: string;
  site: string;
  matchedAddress?: string | null;
};

/**
 * Tools → Find Recipients: recipients of `siteIds` whose display name, alias and an address begin
 * with what is given, by display name (displayNameKey, id), at most `limit`.
 *
 * The plan is chosen here rather than left to the planners, which cannot tell how many rows a
 * prefix covers (an address prefix such as "adatum/" covers every recipient's MS address):
 * - a display name or alias given: its range on (siteId, displayNameKey, id) or (siteId,
 *   aliasKey, id) drives; an address is then checked per candidate through ProxyAddress
 *   (recipientId, type). A name range is bounded by the names that begin so; with one site the
 *   display name range is read in order and stops at `limit`.
 * - an address alone: its range on ProxyAddress (addressKey) or (uniqueKey) drives, and each
 *   match's recipient is read by primary key.
 * Then the rows, their site and the address that matched (the lowest key among the recipient's
 * matching addresses) are read for those ids only.
 */
export function findRecipientsSql({ siteIds, displayName, alias, address, limit }: FindQueryInput): Prisma.Sql {
  if (siteIds.length === 0) throw new Error('findRecipientsSql needs at least one site.');
  if (!displayName && !alias && !address) throw new Error('findRecipientsSql needs a display name, an alias or an address.');
  const inSites = siteIds.length === 1 ? Prisma.sql`r."siteId" = ${siteIds[0]}` : Prisma.sql`r."siteId" IN (${Prisma.join([...siteIds])})`;
  const match = address ? addressMatch(address) : null;
  const byAddress = match ? addressCondition(match) : null;
  const ofRecipient = match ? recipientAddressCondition(match) : null;

  let ids: Prisma.Sql;
  if (displayName || alias) {
    const conditions = [inSites];
    if (displayName) conditions.push(inRange('r', 'displayNameKey', keyRange(displayName)));
    if (alias) conditions.push(inRange('r', 'aliasKey', keyRange(alias)));
    // Per candidate, never turned into a join: PostgreSQL flattens EXISTS into a semi-join it
    // may drive from the address side, unless the subquery has an OFFSET; SQLite keeps a
    // correlated EXISTS per row. (SQLite wants LIMIT before OFFSET.)
    if (ofRecipient) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProxyAddress" p WHERE p."recipientId" = r."id" AND ${ofRecipient} LIMIT 1 OFFSET 0)`);
    ids = Prisma.sql`SELECT r."id" FROM "Recipient" r WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY r."displayNameKey", r."id" LIMIT ${limit}`;
  } else {
    // CROSS JOIN: SQLite reads the addresses first (see matchTextSql).
    ids = Prisma.sql`SELECT r."id" FROM (SELECT DISTINCT p."recipientId" FROM "ProxyAddress" p WHERE ${byAddress!}) a CROSS JOIN "Recipient" r
WHERE r."id" = a."recipientId" AND ${inSites} ORDER BY r."displayNameKey", r."id" LIMIT ${limit}`;
  }

  const matched = ofRecipient
    ? Prisma.sql`,
  (SELECT CASE WHEN p."primary" THEN p."type" ELSE LOWER(p."type") END || ':' || p."address" FROM "ProxyAddress" p
   WHERE p."recipientId" = r."id" AND ${ofRecipient} ORDER BY p."addressKey", p."id" LIMIT 1) AS "matchedAddress"`
    : Prisma.empty;
  return Prisma.sql`SELECT r."id", r."kind", r."directoryName", r."displayName", r."alias", s."name" AS "site"${matched}
FROM (${ids}) pg JOIN "Recipient" r ON r."id" = pg."id" JOIN "Site" s ON s."id" = r."siteId"
ORDER BY r."displayNameKey", r."id"`;
}

/** Find Recipients by an address prefix alone (the benchmark's "Find by address"). */
export function findByAddressSql({ siteIds, prefix, limit }: { siteIds: readonly number[]; prefix: string; limit: number }): Prisma.Sql {
  return findRecipientsSql({ siteIds, address: prefix, limit });
}
