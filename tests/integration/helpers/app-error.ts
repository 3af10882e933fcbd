// Assertions on the data layer's one error type (lib/server/errors.ts).
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '@/lib/server/errors';

/** Awaits `promise`, expects it to reject with an AppError of `code`, and returns that error. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode, message?: string | RegExp): Promise<AppError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected an AppError '${code}', got a result: ${JSON.stringify(value).slice(0, 300)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect({ code: appError.code, message: appError.message }).toMatchObject({ code });
  if (message !== undefined) expect(appError.message).toMatch(message);
  return appError;
}
