/** A database id as it appears in a URL: a positive whole number, no sign, exponent or padding. */
export function parseRecordId(value: string): number | null {
  return /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : null;
}
