import 'server-only';
import type { Tx } from '@/lib/server/db';
import { invalid } from '@/lib/server/errors';

/**
 * Distribution list members named by directory name (or id): a name is looked up in the list's
 * own site first, then in the rest of the organisation. Unknown names are refused, all at once.
 */
export async function resolveMembers(tx: Tx, siteId: number, refs: Array<string | number>): Promise<number[]> {
  const names = [...new Set(refs.filter((r): r is string => typeof r === 'string'))];
  const ids = [...new Set(refs.filter((r): r is number => typeof r === 'number'))];
  const found = new Map<string, number>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await tx.recipient.findMany({
      where: { directoryName: { in: names.slice(i, i + 500) } },
      select: { id: true, directoryName: true, siteId: true },
    });
    for (const row of rows) {
      if (!found.has(row.directoryName) || row.siteId === siteId) found.set(row.directoryName, row.id);
    }
  }
  const missing = names.filter((n) => !found.has(n));
  const existingIds = new Set(
    (await tx.recipient.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id),
  );
  missing.push(...ids.filter((id) => !existingIds.has(id)).map(String));
  if (missing.length) {
    throw invalid(`No recipient has the directory name ${missing.map((m) => `'${m}'`).join(', ')}.`, { members: `Unknown member: ${missing[0]}.` });
  }
  // A list may contain itself, as in Exchange (routing stops the recursion), so that is allowed.
  return [...new Set([...found.values(), ...ids])];
}
