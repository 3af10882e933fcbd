import 'server-only';
// Who is acting, for the permission checks and the audit trail of every data function (issue 5).
// - A route handler (apiRoute) and a server action (runAction) set it from the request's API token
//   or session cookie, for the whole call.
// - A server component (a page) has no such wrapper: the actor comes from the session cookie.
// - Outside any request — `npm run directory`, `npm run admin`, the seed, tests that call data
//   functions directly — the actor is the command line, with every right: whoever can run those
//   commands can open the database file anyway.
import { AsyncLocalStorage } from 'node:async_hooks';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { type Grant, type Permission, allows, isRole, roleOn } from '@/lib/core/auth/permissions';
import { db } from '@/lib/server/db';
import { forbidden, unauthorized } from '@/lib/server/errors';
import { type SignedIn, readSession } from './read-credential';

export type Actor = {
  /** null for the command line. */
  administratorId: number | null;
  username: string;
  /** An IP address, or "command line". */
  origin: string;
  grants: Grant[];
};

export const COMMAND_LINE: Actor = { administratorId: null, username: 'command line', origin: 'command line', grants: [{ role: 'permissions-admin', siteId: null }] };

const storage = new AsyncLocalStorage<Actor>();

export async function loadGrants(administratorId: number): Promise<Grant[]> {
  const rows = await db.roleGrant.findMany({ where: { administratorId }, select: { role: true, siteId: true } });
  return rows.filter((r): r is Grant => isRole(r.role));
}

export async function actorOf(signedIn: SignedIn, origin: string): Promise<Actor> {
  return { administratorId: signedIn.id, username: signedIn.username, origin, grants: await loadGrants(signedIn.id) };
}

/** Runs `work` as `actor` (apiRoute, runAction). */
export function runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
  return storage.run(actor, work);
}

/** The client's address as the server saw it (first X-Forwarded-For hop behind a proxy). */
export function originOf(requestHeaders: Headers): string {
  return requestHeaders.get('x-forwarded-for')?.split(',')[0].trim() || requestHeaders.get('x-real-ip') || 'unknown';
}

/** A page's actor, once per request: from the session cookie. */
const pageActor = cache(async (): Promise<Actor | 'outside'> => {
  let jar;
  try {
    jar = await cookies();
  } catch {
    return 'outside';
  }
  const signedIn = await readSession(jar.get(SESSION_COOKIE)?.value);
  if (!signedIn) throw unauthorized('Your session has ended. Sign in again.');
  return actorOf(signedIn, originOf(await headers()));
});

export async function currentActor(): Promise<Actor> {
  const stored = storage.getStore();
  if (stored) return stored;
  const actor = await pageActor();
  return actor === 'outside' ? COMMAND_LINE : actor;
}

/**
 * Refuses (403, nothing changed) what the actor's roles do not allow on a site (null: the
 * organisation). `siteName` words the message.
 */
export async function requirePermission(permission: Permission, siteId: number | null, siteName?: string): Promise<Actor> {
  const actor = await currentActor();
  if (allows(actor.grants, permission, siteId)) return actor;
  const where = siteId === null ? 'the organization' : `site ${siteName ?? siteId}`;
  const role = roleOn(actor.grants, siteId);
  if (permission === 'manage') throw forbidden(`Only a Permissions Admin of ${where} can manage administrators and their roles.`);
  throw forbidden(
    role === 'view-only'
      ? `You are a View Only Admin of ${where}: you can see it, but not change it. Nothing was saved.`
      : `You have no role on ${where}. Nothing was saved.`,
  );
}

/** Whether the actor may see a site: objects of other sites read as missing (404), never as forbidden. */
export async function canView(siteId: number): Promise<boolean> {
  return allows((await currentActor()).grants, 'view', siteId);
}
