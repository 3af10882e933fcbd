import 'server-only';
import { type ExportProblem, type ExportRecipient, formatExportFile } from '@/lib/core/directory-import/write-export';
import { sortProxies } from '@/lib/core/proxy-set';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { recipientFilter } from '@/lib/server/recipients/recipient-filter';
import { findSiteFor } from '@/lib/server/sites/find-site';
import type { DirectoryExportQuery } from '@/lib/validation/directory-export';
import type { RecipientKind } from '@/lib/validation/recipient';

/** Recipients read per query: bounded memory for a 100,000-recipient container. */
const CHUNK_SIZE = 2_000;
/** Problems kept to name in the answer; the rest are only counted. */
const MAX_PROBLEMS = 200;

export type DirectoryExport = { site: string; count: number } & (
  | { ok: true; text: string }
  | { ok: false; problems: ExportProblem[]; problemCount: number }
);

// Explicit selects, read in three queries per chunk: Prisma cannot split a nested relation read
// that has an orderBy into SQLite's bound-parameter limit, while a plain `in` list it splits itself.
const recipientSelect = {
  id: true,
  kind: true,
  directoryName: true,
  firstName: true,
  lastName: true,
  initials: true,
  displayName: true,
  alias: true,
  targetAddress: true,
} satisfies Prisma.RecipientSelect;

const proxySelect = { id: true, recipientId: true, type: true, address: true, primary: true } satisfies Prisma.ProxyAddressSelect;

// A member in another site is written by its directory name too, as Exchange's export does.
const memberSelect = { listId: true, memberId: true, member: { select: { directoryName: true } } } satisfies Prisma.DistributionListMemberSelect;

type RecipientRow = Prisma.RecipientGetPayload<{ select: typeof recipientSelect }>;

/**
 * Tools → Directory Export: a site's recipients (optionally filtered by kind and by the Recipients
 * list's text filter) as a Directory Import file (KB Q155594), or the values that cannot be
 * written. Rows are in directory-name order (the database's binary order), read in keyset chunks
 * on that unique key, so exporting the same directory gives the same bytes every time; proxy
 * addresses are in the E-mail Addresses tab's order, so the file lists them as the administrator
 * sees them (sortProxies: X.400, MS, SMTP, cc:Mail, then other types by name; within a type the
 * reply address first, then the others by address in the tab's collation); a list's members by
 * directory name (code-unit order).
 *
 * Not a snapshot: the chunks are separate reads, because a read transaction spanning the whole
 * export would hold up every writer (SQLite) for its length. A recipient renamed while the file
 * is being written may be missed or written twice.
 */
export async function exportDirectory(input: DirectoryExportQuery): Promise<DirectoryExport> {
  const site = await findSiteFor('view', input.site);
  const where = recipientFilter(site.id, { kinds: input.kind, q: input.q });
  const parts: string[] = [];
  const problems: ExportProblem[] = [];
  let problemCount = 0;
  let count = 0;
  let after: string | undefined;

  for (;;) {
    const rows = await db.recipient.findMany({
      where: after === undefined ? where : { AND: [where, { directoryName: { gt: after } }] },
      select: recipientSelect,
      orderBy: { directoryName: 'asc' },
      take: CHUNK_SIZE,
    });
    if (rows.length === 0) break;
    count += rows.length;
    after = rows[rows.length - 1].directoryName;
    const chunk = formatExportFile(await withAddressesAndMembers(rows), input.columns);
    if (!chunk.ok) {
      problemCount += chunk.problems.length;
      problems.push(...chunk.problems.slice(0, MAX_PROBLEMS - problems.length));
      parts.length = 0; // the file will not be written: keep only the problems
    } else if (problemCount === 0) {
      parts.push(parts.length === 0 ? chunk.text : withoutHeader(chunk.text));
    }
    if (rows.length < CHUNK_SIZE) break;
  }

  if (problemCount > 0) return { site: site.name, count, ok: false, problems, problemCount };
  if (parts.length === 0) {
    // Nothing matched: the file is its header line alone.
    const empty = formatExportFile([], input.columns);
    if (empty.ok) parts.push(empty.text);
  }
  return { site: site.name, count, ok: true, text: parts.join('') };
}

/** One chunk's text after its header line (the file has one header, from the first chunk). */
function withoutHeader(text: string): string {
  return text.slice(text.indexOf('\r\n') + 2);
}

// The General tab stores a blank first name, last name or initials as ''; the file leaves the field empty.
const orNull = (value: string) => (value === '' ? null : value);

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One chunk's recipients with their proxy addresses and, for lists, their members. */
async function withAddressesAndMembers(rows: RecipientRow[]): Promise<ExportRecipient[]> {
  const listIds = rows.filter((r) => r.kind === 'dl').map((r) => r.id);
  const [proxies, members] = await Promise.all([
    db.proxyAddress.findMany({ where: { recipientId: { in: rows.map((r) => r.id) } }, select: proxySelect }),
    listIds.length > 0 ? db.distributionListMember.findMany({ where: { listId: { in: listIds } }, select: memberSelect }) : Promise.resolve([]),
  ]);
  const proxiesOf = groupBy(proxies, (p) => p.recipientId);
  const membersOf = groupBy(members, (m) => m.listId);
  return rows.map((row) => {
    const kind = row.kind as RecipientKind;
    return {
      kind,
      directoryName: row.directoryName,
      firstName: orNull(row.firstName),
      lastName: orNull(row.lastName),
      initials: orNull(row.initials),
      displayName: row.displayName,
      alias: row.alias,
      targetAddress: row.targetAddress,
      // By id first so that sortProxies, a stable sort, breaks any tie the same way every time.
      proxyAddresses: sortProxies((proxiesOf.get(row.id) ?? []).sort((a, b) => a.id - b.id)).map(({ type, address, primary }) => ({ type, address, primary })),
      members:
        kind === 'dl'
          ? (membersOf.get(row.id) ?? [])
              .sort((a, b) => byCodeUnits(a.member.directoryName, b.member.directoryName) || a.memberId - b.memberId)
              .map((m) => m.member.directoryName)
          : undefined,
    };
  });
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
