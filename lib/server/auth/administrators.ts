import 'server-only';
import { randomBytes } from 'node:crypto';
import { newApiToken, normalizeUsername, secretHash } from '@/lib/core/auth/credentials';
import { db } from '@/lib/server/db';
import { conflict, invalid, notFound } from '@/lib/server/errors';
import type { Role } from '@/lib/core/auth/permissions';
import { hashPassword } from './password';

export { ROLES, type Role } from '@/lib/core/auth/permissions';

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Creates an administrator with a role on the organisation (siteId null) or one site. */
export async function createAdministrator(input: { username: string; password: string; role: Role; siteId?: number | null }) {
  const username = normalizeUsername(input.username);
  if (!USERNAME.test(username)) throw invalid('A user name is 1 to 64 letters, digits, dots, hyphens or underscores.', { username: 'Not a valid user name.' });
  if (input.password.length < 8) throw invalid('A password has at least 8 characters.', { password: 'Too short.' });
  if (await db.administrator.findUnique({ where: { username }, select: { id: true } })) throw conflict(`There is already an administrator '${username}'.`, { username: 'Already in use.' });
  return db.administrator.create({
    data: { username, passwordHash: await hashPassword(input.password), roleGrants: { create: { role: input.role, siteId: input.siteId ?? null } } },
    select: { id: true, username: true },
  });
}

/**
 * On an empty database, the first administrator: `admin`, Permissions Admin of the organisation,
 * with XADM_ADMIN_PASSWORD or a random password that the caller prints once. Null when there is
 * one already.
 */
export async function ensureFirstAdministrator(passwordFromEnv = process.env.XADM_ADMIN_PASSWORD): Promise<{ username: string; password: string; generated: boolean } | null> {
  if ((await db.administrator.count()) > 0) return null;
  const generated = !passwordFromEnv;
  const password = passwordFromEnv || randomBytes(12).toString('base64url');
  await createAdministrator({ username: 'admin', password, role: 'permissions-admin' });
  return { username: 'admin', password, generated };
}

/** A new API token for an administrator (`npm run admin -- create-token USER`); the token is shown once. */
export async function createApiToken(usernameInput: string, name = 'script') {
  const username = normalizeUsername(usernameInput);
  const admin = await db.administrator.findUnique({ where: { username }, select: { id: true } });
  if (!admin) throw notFound(`There is no administrator '${username}'.`);
  const token = newApiToken();
  const row = await db.apiToken.create({ data: { administratorId: admin.id, name, tokenHash: secretHash(token) }, select: { id: true, name: true, createdAt: true } });
  return { ...row, token };
}

export async function revokeApiToken(id: number) {
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound(`There is no active API token ${id}.`);
}
