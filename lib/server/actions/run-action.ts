import 'server-only';
import { cookies, headers } from 'next/headers';
import { actorOf, originOf, runAs } from '@/lib/server/auth/actor';
import { SESSION_COOKIE } from '@/lib/core/auth/credentials';
import { readSession } from '@/lib/server/auth/read-credential';
import { toAppError, unauthorized } from '@/lib/server/errors';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/** Server actions return their outcome instead of throwing, so forms can show it in place. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    // Server actions are reachable by POST from any page: each checks the session itself.
    const signedIn = await readSession((await cookies()).get(SESSION_COOKIE)?.value);
    if (!signedIn) throw unauthorized('Your session has ended. Sign in again; nothing was saved.');
    const actor = await actorOf(signedIn, originOf(await headers()));
    return { ok: true, data: await runAs(actor, work) };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) };
  }
}
