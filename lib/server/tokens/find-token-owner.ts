import 'server-only';
import { normalizeUsername } from '@/lib/core/auth/credentials';
import { requirePermission, currentActor } from '@/lib/server/auth/actor';
import type { Db, Tx } from '@/lib/server/db';
import { invalid, notFound } from '@/lib/server/errors';

/**
 * Whose tokens a request is about: the acting administrator's own (no user name, or their own),
 * or another administrator's, which only a Permissions Admin of the organisation may name. The
 * permission is checked before the name is looked up, so nobody else learns which names exist.
 */
export async function findTokenOwner(client: Tx | Db, usernameInput?: string | null): Promise<{ id: number; username: string }> {
  const actor = await currentActor();
  const username = usernameInput ? normalizeUsername(usernameInput) : undefined;
  if (username === undefined || (actor.administratorId !== null && username === actor.username)) {
    if (actor.administratorId === null) {
      throw invalid('The command line is not an administrator and has no API tokens of its own: name the administrator (npm run admin -- create-token USER).', {
        username: 'Name the administrator whose tokens these are.',
      });
    }
    return { id: actor.administratorId, username: actor.username };
  }
  await requirePermission('manage', null);
  const owner = await client.administrator.findUnique({ where: { username }, select: { id: true, username: true } });
  if (!owner) throw notFound(`There is no administrator '${username}'.`);
  return owner;
}
