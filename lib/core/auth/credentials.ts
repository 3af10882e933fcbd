// Session and API-token secrets, and the sign-in throttle, as pure functions. A secret is 32
// random bytes (base64url); the database keeps only its SHA-256, so a copy of the database gives
// no one a way in.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'xadm_session';
/** A session lasts a working day; signing in again starts a new one. */
export const SESSION_HOURS = 8;
export const TOKEN_PREFIX = 'xadm_';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return `${TOKEN_PREFIX}${newSecret()}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Failed sign-ins before the account is locked, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15, slowAfter: 2 } as const;

/**
 * How long to hold the answer to a sign-in after `failures` failed ones in a row: nothing for the
 * first two, then one second more for each, so guessing slows down before the lock.
 */
export function signInDelayMs(failures: number): number {
  return failures <= LOCKOUT.slowAfter ? 0 : Math.min(4, failures - LOCKOUT.slowAfter) * 1000;
}

/** A user name as stored: trimmed, lower case (they compare without regard to case). */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
