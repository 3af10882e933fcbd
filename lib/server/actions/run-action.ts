import 'server-only';
import { toAppError } from '@/lib/server/errors';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/** Server actions return their outcome instead of throwing, so forms can show it in place. */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) };
  }
}
