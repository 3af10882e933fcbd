import 'server-only';
// Sign-in (issue 5): user name and password against the Argon2id hash. Repeated failures slow
// the answer down, then lock the account for a while; the message says so. An unknown user name
// takes as long and reads the same as a wrong password, so the page does not tell which names exist.
import { LOCKOUT, SESSION_HOURS, newSecret, normalizeUsername, secretHash, signInDelayMs } from '@/lib/core/auth/credentials';
import { db } from '@/lib/server/db';
import { recordAudit } from '@/lib/server/audit/record-audit';
import { decoyHash, verifyPassword } from './password';

export type SignInResult =
  | { ok: true; administrator: { id: number; username: string }; secret: string; expiresAt: Date }
  | { ok: false; message: string; lockedUntil?: Date };

const WRONG = 'The user name or password is incorrect.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clock = (date: Date) => date.toISOString().slice(11, 16);

function lockedMessage(until: Date): string {
  return `This account is locked after ${LOCKOUT.failures} failed sign-ins. Try again after ${clock(until)} UTC (${LOCKOUT.minutes} minutes), or ask a Permissions Admin.`;
}

/** The audit trail records every sign-in and failed sign-in, with where it came from (issue 5). */
function audit(action: 'sign-in' | 'sign-in.failed', username: string, administratorId: number | null, origin: string, reason?: string) {
  return recordAudit(
    db,
    { action, objectType: 'administrator', objectId: administratorId, objectName: username, siteId: null, after: reason ? { reason } : null },
    { administratorId, username, origin, grants: [] },
  );
}

export async function signIn(input: { username: string; password: string }, now = new Date(), origin = 'unknown'): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  const admin = await db.administrator.findUnique({ where: { username }, select: { id: true, username: true, passwordHash: true, failedSignIns: true, lockedUntil: true } });
  if (!admin) {
    await verifyPassword(await decoyHash(), input.password);
    await audit('sign-in.failed', username.slice(0, 64), null, origin, 'unknown user name');
    return { ok: false, message: WRONG };
  }
  if (admin.lockedUntil && admin.lockedUntil > now) {
    await audit('sign-in.failed', admin.username, admin.id, origin, 'account locked');
    return { ok: false, message: lockedMessage(admin.lockedUntil), lockedUntil: admin.lockedUntil };
  }

  // A lock that has run out starts a fresh count.
  const before = admin.lockedUntil ? 0 : admin.failedSignIns;
  if (!(await verifyPassword(admin.passwordHash, input.password))) {
    const failures = before + 1;
    const lockedUntil = failures >= LOCKOUT.failures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000) : null;
    await db.administrator.update({ where: { id: admin.id }, data: { failedSignIns: failures, lockedUntil }, select: { id: true } });
    await audit('sign-in.failed', admin.username, admin.id, origin, lockedUntil ? `wrong password; account locked for ${LOCKOUT.minutes} minutes` : 'wrong password');
    await sleep(signInDelayMs(failures));
    if (lockedUntil) return { ok: false, message: lockedMessage(lockedUntil), lockedUntil };
    const left = LOCKOUT.failures - failures;
    return { ok: false, message: failures > LOCKOUT.slowAfter ? `${WRONG} ${left} more failed attempt${left === 1 ? '' : 's'} will lock the account for ${LOCKOUT.minutes} minutes.` : WRONG };
  }

  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db.$transaction([
    db.administrator.update({ where: { id: admin.id }, data: { failedSignIns: 0, lockedUntil: null }, select: { id: true } }),
    db.adminSession.create({ data: { tokenHash: secretHash(secret), administratorId: admin.id, expiresAt }, select: { id: true } }),
    // Expired sessions of anyone are swept on the way.
    db.adminSession.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  await audit('sign-in', admin.username, admin.id, origin);
  return { ok: true, administrator: { id: admin.id, username: admin.username }, secret, expiresAt };
}

export async function signOut(secret: string | undefined): Promise<void> {
  if (secret) await db.adminSession.deleteMany({ where: { tokenHash: secretHash(secret) } });
}
