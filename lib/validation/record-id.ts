/**
 * The largest id or version a record can have: Prisma's Int is a 32-bit integer (PostgreSQL's
 * `integer`, SERIAL ids). A larger number is well-formed but names nothing (a URL id: 404) or is
 * out of range (a body field: 422), never a database error.
 */
export const MAX_RECORD_ID = 2_147_483_647;

/** A database id as it appears in a URL: a positive whole number, no sign, exponent or padding. */
export function parseRecordId(value: string): number | null {
  return /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}
