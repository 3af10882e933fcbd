import 'server-only';
import { cookies } from 'next/headers';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { readSession } from '@/lib/server/auth/read-credential';
import { toAppError, unauthorized } from '@/lib/server/errors';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/** Server actions return their outcome instead of throwing, so forms can show it in place. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    // Server actions are reachable by POST from any page: each checks the session itself.
    if (!readSession((await cookies()).get(SESSION_COOKIE)?.value)) throw unauthorized('Your session has ended. Sign in again; nothing was saved.');
    return { ok: true, data: await work() };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) };
  }
}
