// One error type for the data layer and the API, mapped to HTTP in one place (toErrorResponse).
import { ZodError } from 'zod';

export type ErrorCode = 'invalid_input' | 'conflict' | 'not_found' | 'unauthorized' | 'forbidden' | 'too_large' | 'internal';

const STATUS: Record<ErrorCode, number> = { invalid_input: 422, conflict: 409, not_found: 404, unauthorized: 401, forbidden: 403, too_large: 413, internal: 500 };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const invalid = (message: string, fields?: Record<string, string>) => new AppError('invalid_input', message, fields);
export const conflict = (message: string, fields?: Record<string, string>) => new AppError('conflict', message, fields);
export const notFound = (message: string) => new AppError('not_found', message);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const unauthorized = (message: string) => new AppError('unauthorized', message);
export const tooLarge = (message: string, fields?: Record<string, string>) => new AppError('too_large', message, fields);

/** zod issues → { "field.path": "message" }, the first message per field. */
export function zodFields(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

function isPrismaError(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Any thrown value → an AppError; unknown errors become a generic internal error (logged). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = zodFields(error);
    const [first] = Object.entries(fields);
    return invalid(first ? `${first[0] === '_' ? 'Input' : first[0]}: ${first[1]}` : 'The input is not valid.', fields);
  }
  if (isPrismaError(error, 'P2025')) return notFound('The object no longer exists.');
  if (isPrismaError(error, 'P2002')) return conflict('The object conflicts with one that already exists.');
  if (isWriteConflict(error)) return conflict('Another change was being saved at the same moment. Try again.');
  // PostgreSQL refuses U+0000 in text (22021); the API refuses it first (readBody, readQuery), this
  // catches any other way in (a form, an import file).
  if (isNulRefusal(error)) {
    return invalid('The input contains a NUL character (U+0000), which no field can hold.');
  }
  console.error(error);
  return new AppError('internal', 'An internal error occurred; the details are in the server log.');
}

export function isUniqueViolation(error: unknown): boolean {
  return isPrismaError(error, 'P2002');
}

/**
 * Two transactions collided and the database gave up on one of them, rolling it back whole.
 * SQLite: both read first, then both try to write; rather than deadlock it answers SQLITE_BUSY at
 * once, without waiting for the busy timeout (Prisma: P1008). PostgreSQL: a serialization failure
 * or deadlock (P2034).
 */
export function isWriteConflict(error: unknown): boolean {
  return isPrismaError(error, 'P1008') || isPrismaError(error, 'P2034');
}

export type ErrorBody = { error: { code: ErrorCode; message: string; fields?: Record<string, string> } };

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
}

/** PostgreSQL's refusal of U+0000 in text (SQLSTATE 22021), as the driver adapter reports it. */
function isNulRefusal(error: unknown): boolean {
  let text = String((error as { message?: unknown } | null)?.message ?? '');
  try {
    text += JSON.stringify((error as { meta?: unknown } | null)?.meta ?? '', (_key, value) => (typeof value === 'bigint' ? String(value) : value));
  } catch {
    // a meta that cannot be written out: the message alone decides
  }
  return /invalid byte sequence for encoding "UTF8": 0x00|22021/.test(text);
}
